'use strict';

// Exported, and mixin-elsewhere-user.input.js (another file of this package) copies its prototype into a mixin:
// class methods are not enumerable, so Object.assign would copy nothing.
function Counter(n) {
  this.n = n;
}
Counter.prototype.get = function () {
  return this.n;
};
Counter.create = function (n) {
  return new Counter(n);
};

module.exports = Counter;
