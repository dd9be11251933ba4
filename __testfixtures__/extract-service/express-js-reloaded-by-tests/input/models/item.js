const items = [{ id: 1, title: 'lamp', stock: 3 }];
exports.find = async (id) => items.find((i) => String(i.id) === String(id)) || null;
