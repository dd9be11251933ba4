const roles = ['admin', 'editor'];

function canEdit(args) {
  return roles.indexOf(...args) !== -1;
}

module.exports = { canEdit };
