const users = new Map([[1, { id: 1, name: 'Ada' }]]);
let nextId = 2;

exports.create = async (name) => {
  if (name === 'boom') throw new Error('store failed');
  const user = { id: nextId++, name };
  users.set(user.id, user);
  return user;
};
exports.find = async (id) => users.get(Number(id));
exports.list = async () => [...users.values()];
exports.sign = (user) => `token-${user.id}`;
exports.count = () => users.size;
