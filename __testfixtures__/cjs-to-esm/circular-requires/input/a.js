const b = require('./b');

exports.fromA = function () {
  return b.fromB();
};
