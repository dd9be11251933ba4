const items = [{ id: 1, name: 'lamp', owner: 'ann' }];
exports.find = (query) => Promise.resolve(items.filter((i) => !query.owner || i.owner === query.owner));
exports.findOne = (id) => Promise.resolve(items.find((i) => i.id === id) || null);
exports.insert = (item) => Promise.resolve(Object.assign({ id: items.length + 1 }, item));
