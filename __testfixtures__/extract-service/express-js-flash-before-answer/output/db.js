const users = [{ id: 1, name: 'ann', methods: ['email', 'totp'] }, { id: 2, name: 'bob', methods: ['email'] }];
exports.find = async (id) => users.find((u) => u.id === Number(id)) || null;
exports.save = async (user) => {
  if (user.name === 'boom') throw new Error('disk full');
  return user;
};
