'use strict';

// Exported, and new-only-elsewhere-user.input.js only constructs it with new, tests instances, reads and adds
// prototype members, reads statics and inherits with Object.create: all of that works on a class.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.norm = function () {
  return Math.sqrt(this.x * this.x + this.y * this.y);
};
Point.origin = function () {
  return new Point(0, 0);
};

module.exports = Point;
