function find(id) {
  return { id: id };
}

function save(record) {
  return record;
}

export default { find: find, save: save };
export { find, save };
