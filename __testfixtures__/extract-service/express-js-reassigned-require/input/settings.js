exports.limit = 3;
