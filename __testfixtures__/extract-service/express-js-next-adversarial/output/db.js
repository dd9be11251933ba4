const items = new Map([[1, { id: 1, label: 'one' }]]);
exports.peek = (id) => {
  if (id === 99) throw new Error('db down');
  return items.get(id) || null;
};
exports.find = async (id) => items.get(id) || null;
exports.findStrict = (id) => {
  if (id === 42) throw new Error('strict');
  return Promise.resolve(items.get(id) || null);
};
exports.audit = async (entry) => entry;
