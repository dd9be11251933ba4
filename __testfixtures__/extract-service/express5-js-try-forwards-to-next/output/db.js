const items = new Map([[1, { id: 1, label: 'one' }]]);
exports.peek = (id) => {
  if (id < 0) throw new Error('negative id');
  return items.get(id) || null;
};
exports.update = async (id, fields) => {
  if (id === 13) throw new Error('unlucky');
  const item = items.get(id);
  if (!item) return null;
  return Object.assign(item, fields);
};
exports.create = async (fields) => ({ id: 7, ...fields });
