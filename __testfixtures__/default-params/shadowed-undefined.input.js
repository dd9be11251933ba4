const path = require('path');
function f(a, b) {
  if (b === undefined) b = 1;
  return a + b;
}
(function (undefined) {
  f(1);
})(0);
