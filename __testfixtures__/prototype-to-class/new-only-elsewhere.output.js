'use strict';

// Exported, and new-only-elsewhere-user.input.js only constructs it with new, tests instances, reads and adds
// prototype members, reads statics and inherits with Object.create: all of that works on a class.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  norm() {
    return Math.sqrt(this.x * this.x + this.y * this.y);
  }
  static origin() {
    return new Point(0, 0);
  }
}

module.exports = Point;
