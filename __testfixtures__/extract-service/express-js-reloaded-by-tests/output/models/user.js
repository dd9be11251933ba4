const users = [{ id: 1, name: 'ann' }];
exports.find = async (id) => users.find((u) => u.id === Number(id)) || null;
