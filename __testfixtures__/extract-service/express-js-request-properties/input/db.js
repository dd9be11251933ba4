var items = [{ id: 1, name: 'first', owner: 7, likes: [] }];
exports.findItem = async function (id) { return items.find(function (i) { return i.id === id; }) || null; };
exports.findUser = async function (id) { return id === 7 || id === 8 ? { id: id, name: 'user' + id } : null; };
exports.like = async function (item, user) { item.likes.push(user.id); return item; };
