exports.findUser = function (id) { return Promise.resolve(id === 1 ? { id: 1, name: 'Ada' } : null); };
exports.countOrders = function (id) { return Promise.resolve(id); };
