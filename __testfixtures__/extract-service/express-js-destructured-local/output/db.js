exports.find = async function (id) { return id === 1 ? { id: 1, name: 'a', tags: ['x', 'y'] } : null; };
