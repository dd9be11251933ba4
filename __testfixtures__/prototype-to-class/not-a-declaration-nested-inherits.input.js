'use strict';
var util = require('util');
if (process.env.X) {
  function Inner() {}
  util.inherits(Inner, Error);
  module.exports = Inner;
}
