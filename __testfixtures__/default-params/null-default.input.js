// `== null`, `??` and `== undefined` also replace null; a default parameter does not.
function a(x, limit) {
  if (limit == null) limit = 10;
  return limit;
}
function b(x, limit) {
  limit = limit ?? 10;
  return limit;
}
function c(x, limit) {
  limit ??= 10;
  return limit;
}
function d(x, limit) {
  if (limit == undefined) limit = 10;
  return limit;
}
module.exports = [a(1), b(1), c(1), d(1)];
