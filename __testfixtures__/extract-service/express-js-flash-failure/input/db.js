const users = [
  { id: 1, name: 'ann', password: 'x', emailVerified: true, enabled: false },
  { id: 2, name: 'bob', password: '', emailVerified: true, enabled: false },
  { id: 3, name: 'cy', password: 'y', emailVerified: false, enabled: true },
];
exports.find = async (id) => users.find((u) => u.id === Number(id)) || null;
exports.save = async (user) => {
  if (user.name === 'boom') throw new Error('disk full');
  return user;
};
