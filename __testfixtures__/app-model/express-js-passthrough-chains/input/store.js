const items = new Map();
exports.counters = { writes: 0, ticks: 0, last: 0, history: [] };
exports.update = (id, body) => {
  items.set(id, { ...items.get(id), ...body, id });
  return items.get(id);
};
exports.remove = (id) => items.delete(id);
exports.save = () => {};
