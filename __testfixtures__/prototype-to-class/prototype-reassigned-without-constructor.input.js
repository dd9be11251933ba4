'use strict';

function Vector(x) {
  this.x = x;
}

// Trap: without `constructor: Vector`, instances report Object as their constructor.
Vector.prototype = {
  len: function () {
    return Math.abs(this.x);
  },
};

module.exports = Vector;
