const items = new Map([[1, { id: 1, name: 'pen' }]]);
exports.find = async (id) => items.get(Number(id));
