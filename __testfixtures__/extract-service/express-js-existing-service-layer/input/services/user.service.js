const users = [{ id: '1', name: 'Ada', role: 'admin' }, { id: '2', name: 'Linus', role: 'user' }];

const queryUsers = async (filter, options) => {
  const found = users.filter((u) => !filter.role || u.role === filter.role);
  return { results: found.slice(0, Number(options.limit) || 10), total: found.length };
};

const getUserById = async (id) => users.find((u) => u.id === id) || null;

module.exports = { queryUsers, getUserById };
