// Local helpers, only ever called directly: their .length is never read.
function pad(text, width) {
  if (width === undefined) width = 2;
  return String(text).padStart(width, '0');
}
function repeat(text, times) {
  if (typeof times === 'undefined') {
    times = 1;
  }
  return text.repeat(times);
}
function join(parts, sep) {
  sep = sep === undefined ? ', ' : sep;
  return parts.join(sep);
}
function wrap(text, left, right) {
  if (undefined === left) left = '(';
  right = right !== void 0 ? right : ')';
  return left + text + right;
}
module.exports = function format(x) {
  return wrap(join([pad(x), repeat('!')]));
};
