exports.find = async function (id) { return id === 1 ? { id: 1 } : null; };
exports.save = async function (thing) { return thing; };
