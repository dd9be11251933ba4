'use strict';

class Counter {
  constructor() {
    this.n = 0;
  }

  inc() {
    this.n += 1;
    return this.n;
  }
}

exports.count = function () {
  return new Counter().inc();
};
