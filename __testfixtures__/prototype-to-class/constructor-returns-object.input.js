'use strict';

function Pool(size) {
  // Trap: a constructor returning an object; kept as is.
  if (Pool.instance) return Pool.instance;
  this.size = size;
  Pool.instance = this;
}

Pool.prototype.acquire = function () {
  return this.size--;
};

module.exports = Pool;
