const timeout = 30;
exports.timeout = timeout * 1000;
