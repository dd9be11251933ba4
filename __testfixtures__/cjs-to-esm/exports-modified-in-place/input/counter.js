exports.count = 0;
exports.bump = function () {
  exports.count++;
};
