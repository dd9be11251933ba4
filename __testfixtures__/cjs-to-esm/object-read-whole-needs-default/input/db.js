function find(id) {
  return { id: id };
}

function save(record) {
  return record;
}

module.exports = { find: find, save: save };
