const rows = [{ id: 1, name: 'lamp' }];

exports.find = async function find(id) {
  return rows.find((r) => r.id === id);
};
