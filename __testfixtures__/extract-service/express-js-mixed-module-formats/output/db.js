exports.find = async function (id) { return id === 1 ? { id: 1, name: 'a' } : null; };
exports.all = async function () { return [{ id: 1, name: 'a' }]; };
