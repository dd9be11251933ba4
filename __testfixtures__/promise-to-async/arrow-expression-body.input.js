const loadName = (id) => fetchUser(id).then((user) => user.name.trim());

const loadAll = ids => Promise.all(ids.map(loadName)).then(names => names.join(', '));

module.exports = { loadName, loadAll };
