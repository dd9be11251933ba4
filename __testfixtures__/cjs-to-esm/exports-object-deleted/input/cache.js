exports.token = 'abc';
exports.user = 'me';
