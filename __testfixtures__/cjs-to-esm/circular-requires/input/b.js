const a = require('./a');

exports.fromB = function () {
  return typeof a.fromA;
};
