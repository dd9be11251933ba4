// Local helpers, only ever called directly: their .length is never read.
function pad(text, width = 2) {
  return String(text).padStart(width, '0');
}
function repeat(text, times = 1) {
  return text.repeat(times);
}
function join(parts, sep = ', ') {
  return parts.join(sep);
}
function wrap(text, left = '(', right = ')') {
  return left + text + right;
}
module.exports = function format(x) {
  return wrap(join([pad(x), repeat('!')]));
};
