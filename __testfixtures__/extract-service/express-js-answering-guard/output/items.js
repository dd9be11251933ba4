const items = [{ id: 1, name: 'lamp', stock: 2, owner: 'ada' }];

exports.find = function find(id) {
  return items.find((i) => i.id === Number(id));
};

exports.take = function take(item, count) {
  item.stock -= count;
  return item;
};
