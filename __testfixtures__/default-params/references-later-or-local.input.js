// Parameters cannot see later parameters (temporal dead zone) or names declared in the body.
function a(first, last) {
  if (first === undefined) first = last;
  return first;
}
function b(items, cb) {
  if (cb === undefined) cb = noop;
  function noop() {}
  return items.map(cb);
}
function c(items, size) {
  if (size === undefined) size = DEFAULT_SIZE;
  var DEFAULT_SIZE = 10;
  return items.slice(0, size);
}
module.exports = [a(1), b([]), c([])];
// `var a` in the body is a separate binding once the parameters have defaults: the closure would see the parameter.
function d(a, get) {
  if (get === undefined) get = function () { return a; };
  var a = 2;
  return get();
}
d(1);
