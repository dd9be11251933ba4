'use strict';

function Counter() {
  this.n = 0;
}

Counter.prototype.inc = function () {
  this.n += 1;
  return this.n;
};

exports.count = function () {
  return new Counter().inc();
};
