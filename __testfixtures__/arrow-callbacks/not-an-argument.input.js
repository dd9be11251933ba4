// Only function expressions passed as arguments are rewritten.
var format = function (x) { return String(x); };
(function () {
  start();
})();
module.exports = { handler: function (req, res) { res.end(); } };
util.inherits(function () {}, Base);
