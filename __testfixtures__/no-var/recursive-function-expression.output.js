const fact = function (n) {
  return n <= 1 ? 1 : n * fact(n - 1);
};
var immediate = (function () {
  return typeof immediate;
})();
module.exports = { fact, immediate };
