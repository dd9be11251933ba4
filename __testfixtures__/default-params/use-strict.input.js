// 'use strict' in a function with non-simple parameters is a SyntaxError.
function load(path, encoding) {
  'use strict';
  if (encoding === undefined) encoding = 'utf8';
  return read(path, encoding);
}
module.exports = { run: () => load('x') };
