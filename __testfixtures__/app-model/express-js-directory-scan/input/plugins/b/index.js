exports.method = function () {
  return process.env.B_METHOD || 'get';
};
exports.path = '/b';
exports.handle = function (req, res) {
  res.end('b');
};
