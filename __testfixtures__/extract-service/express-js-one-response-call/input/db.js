var users = [{ name: 'tobi' }, { name: 'loki' }];
exports.users = users;
exports.pathOf = function (id) {
  return '/files/' + id;
};
exports.count = function () {
  return users.length;
};
