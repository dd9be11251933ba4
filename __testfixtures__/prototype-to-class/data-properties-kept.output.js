'use strict';

class Counter {
  constructor(start) {
    this.value = start || 0;
  }

  next() {
    this.value += this.step;
    return this.value;
  }
}

Counter.prototype.step = 1;

Counter.VERSION = '1.0.0';
Counter.prototype.increment = Counter.prototype.next;

module.exports = Counter;
