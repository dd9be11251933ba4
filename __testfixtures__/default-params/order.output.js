const { makeX, makeY, make, load } = require('./factories');
// Defaults run in parameter order: checks out of order stop the run.
function a(x, y = makeY()) {
  if (x === undefined) x = makeX();
  return [x, y];
}
// A later parameter's destructuring would now run after the new default, not before.
function b(x, { z } = load()) {
  if (x === undefined) x = make();
  return x + z;
}
a();
b();
