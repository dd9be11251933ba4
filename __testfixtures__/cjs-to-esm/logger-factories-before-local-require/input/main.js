'use strict';

var debug = require('debug')('app:main');
var depd = require('depd');
var deprecate = depd('app');
// the two factory calls above run after ./helper once the requires are hoisted imports; neither can tell
var helper = require('./helper');

module.exports = function main() {
  debug('main called');
  deprecate('main() is going away');
  return helper.answer();
};
