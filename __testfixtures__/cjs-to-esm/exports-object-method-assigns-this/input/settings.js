exports.port = 3000;
exports.setPort = function (p) {
  this.port = p;
};
