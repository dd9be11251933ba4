'use strict';

// not a known factory: its call may do anything the modules required after it can see
var log = require('make-logger')('app');
var helper = require('./helper');

module.exports = function main() {
  log(helper.name);
};
