exports.slow = function () {
  return 1;
};
