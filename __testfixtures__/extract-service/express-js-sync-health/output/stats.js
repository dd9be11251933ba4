module.exports = { counts: function () { return { users: 2, orders: 1 }; } };
