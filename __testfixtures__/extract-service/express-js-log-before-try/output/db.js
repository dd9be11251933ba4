module.exports = {
  remove: async function (id) { return id === 7 ? { id: 7, name: 'seven' } : null; },
};
