'use strict';

function Timer() {
  this.started = 0;
}
Timer.prototype.start = function () {
  this.started = Date.now();
};
Timer.prototype.elapsed = function () {
  return Date.now() - this.started;
};
// A later patch redefines start; a class body would keep only one.
Timer.prototype.start = function () {
  this.started = process.hrtime.bigint();
};

module.exports = Timer;
