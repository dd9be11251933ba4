// The parameter is read before the check: a default would change what that read sees.
function a(x, y) {
  console.log(y);
  if (y === undefined) y = 5;
  return y;
}
function b(x, y) {
  x = x || 1;
  if (y === undefined) y = x;
  return y;
}
a();
b();
