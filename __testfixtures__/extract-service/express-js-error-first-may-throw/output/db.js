exports.get = async function (id) { return id === 1 ? { id: 1, cents: 1050 } : null; };
exports.remove = function (id, cb) { setImmediate(function () { cb(null); }); };
