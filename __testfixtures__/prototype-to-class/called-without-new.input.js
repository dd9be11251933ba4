'use strict';

function Logger(prefix) {
  this.prefix = prefix;
}

Logger.prototype.log = function (msg) {
  return this.prefix + msg;
};

// Trap: a class constructor throws when called without new.
var defaultLogger = Logger('app: ');

module.exports = { Logger: Logger, defaultLogger: defaultLogger };
