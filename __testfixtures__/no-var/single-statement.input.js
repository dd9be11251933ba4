module.exports = function f(a) {
  if (a) var b = 1;
  label: var c = 2;
  return [b, c];
};
