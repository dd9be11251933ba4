exports.find = async function (id) { return id === 1 ? { id: 1, name: 'a' } : null; };
exports.all = async function () { return [{ id: 1, name: 'a' }]; };
exports.save = async function (u) { return Object.assign({ id: 2 }, u); };
