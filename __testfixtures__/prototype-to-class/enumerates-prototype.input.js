'use strict';

function Options(values) {
  this.debug = false;
  Object.assign(this, values);
}

Options.prototype.isDebug = function () {
  return this.debug;
};

// Trap: for-in sees prototype methods (enumerable) but not class methods.
Options.prototype.toArgs = function () {
  var args = [];
  for (var key in this) args.push(key);
  return args;
};

module.exports = Options;
