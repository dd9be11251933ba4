const allowed = ['x', 'y'];
function f(v) {
  return allowed.indexOf(
    v, // the value
    0
  ) !== -1;
}
