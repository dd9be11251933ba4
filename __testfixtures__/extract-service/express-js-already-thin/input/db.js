exports.find = async function (id) { return { id: id }; };
exports.remove = function (id, cb) { setImmediate(function () { cb(null, true); }); };
exports.singular = function (kind) { return kind.replace(/s$/, ''); };
