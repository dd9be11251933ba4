const orders = [{ id: 1, total: 30 }];
exports.find = async (id) => orders.find((o) => String(o.id) === String(id)) || null;
