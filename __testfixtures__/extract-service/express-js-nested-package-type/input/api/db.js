const things = { 1: { id: 1, name: 'lamp', stock: 2 } };
exports.findThing = async (id) => things[id] || null;
