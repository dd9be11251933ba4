// Express tells error handlers by their four parameters: a default on `next` makes .length 3.
app.use(function (err, req, res, next) {
  if (next === undefined) next = function () {};
  res.status(500).end();
});
module.exports = function paginate(items, size) {
  if (size === undefined) size = 20;
  return items.slice(0, size);
};
function parse(text, reviver) {
  if (reviver === undefined) reviver = null;
  return JSON.parse(text, reviver);
}
exports.parse = parse;
var obj = {
  get: function (key, fallback) {
    if (fallback === undefined) fallback = null;
    return key in this ? this[key] : fallback;
  },
};
