const allowed = ['x', 'y'];
function f(v) {
  return allowed.includes(
    v, // the value
    0
  );
}
