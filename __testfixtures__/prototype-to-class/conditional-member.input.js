'use strict';

function Reader(path) {
  this.path = path;
}

Reader.prototype.read = function () {
  return 'read ' + this.path;
};

// Trap: a method that exists only on some platforms.
if (process.platform !== 'win32') {
  Reader.prototype.watch = function () {
    return 'watch ' + this.path;
  };
}

module.exports = Reader;
