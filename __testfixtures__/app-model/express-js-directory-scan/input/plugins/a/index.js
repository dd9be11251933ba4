exports.method = function () {
  return 'get';
};
exports.path = '/a';
exports.handle = function (req, res) {
  res.end('a');
};
