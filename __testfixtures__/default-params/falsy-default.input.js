// `||` and `!` replace 0, '' and false too; a default parameter replaces only undefined.
function a(x, port) {
  port = port || 8080;
  return port;
}
function b(x, name) {
  if (!name) name = 'anonymous';
  return name;
}
function c(x, opts) {
  opts ||= {};
  return opts;
}
module.exports = [a(1), b(1), c(1)];
