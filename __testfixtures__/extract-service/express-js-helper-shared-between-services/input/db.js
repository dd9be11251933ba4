exports.users = async function () { return [{ name: 'ada' }]; };
exports.orders = async function () { return [{ id: 1 }]; };
