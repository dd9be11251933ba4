const loadName = async (id) => {
  const user = await fetchUser(id);
  return user.name.trim();
};

const loadAll = async ids => {
  const names = await Promise.all(ids.map(loadName));
  return names.join(', ');
};

module.exports = { loadName, loadAll };
