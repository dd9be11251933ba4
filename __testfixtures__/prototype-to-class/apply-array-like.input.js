'use strict';

function Shape(x, y) {
  this.x = x;
  this.y = y;
}

function Point(coords) {
  // coords is an array-like ({ 0: x, 1: y, length: 2 }); super(...coords) would need it iterable.
  Shape.apply(this, coords);
}
Point.prototype = Object.create(Shape.prototype);
Point.prototype.constructor = Point;
Point.prototype.norm = function () {
  return Math.hypot(this.x, this.y);
};

module.exports = { Shape: Shape, Point: Point };
