'use strict';

function Counter(start) {
  this.value = start || 0;
}

Counter.prototype.step = 1;

Counter.prototype.next = function () {
  this.value += this.step;
  return this.value;
};

Counter.VERSION = '1.0.0';
Counter.prototype.increment = Counter.prototype.next;

module.exports = Counter;
