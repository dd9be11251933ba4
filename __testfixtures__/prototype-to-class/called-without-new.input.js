'use strict';

function Logger(prefix) {
  this.prefix = prefix;
}

Logger.prototype.log = function (msg) {
  return this.prefix + msg;
};

// Trap: a class constructor throws when called without new (here: to initialise another object).
var defaults = {};
Logger.call(defaults, 'app: ');

module.exports = { Logger: Logger, defaults: defaults };
