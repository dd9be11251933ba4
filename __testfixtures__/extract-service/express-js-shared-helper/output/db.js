exports.list = async function (n) { return new Array(n).fill(0); };
exports.count = function (cb) { cb(null, 3); };
