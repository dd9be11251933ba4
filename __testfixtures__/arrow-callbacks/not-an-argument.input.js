// Only function expressions passed as arguments are rewritten.
var format = function (x) { return String(x); };
(function () {
  start();
})();
module.exports = { handler: function (req, res) { res.end(); } };
util.inherits(function () {}, Base);
// A function used as an object to decorate is no callback: its prototype, name or constructibility may matter.
var Tag = Object.assign(function Tag() {}, { key: 'tag' });
Object.defineProperty(function () {}, 'name', { value: 'x' });
