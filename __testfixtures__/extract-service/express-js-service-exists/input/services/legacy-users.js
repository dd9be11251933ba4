module.exports = { listUsers: function () { return []; } };
