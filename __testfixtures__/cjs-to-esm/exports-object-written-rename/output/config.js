exports.port = 3000;
exports.host = 'localhost';
