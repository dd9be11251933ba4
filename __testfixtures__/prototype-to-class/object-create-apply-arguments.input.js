'use strict';

function Shape(x, y) {
  this.x = x;
  this.y = y;
}

Shape.prototype.move = function (dx, dy) {
  this.x += dx;
  this.y += dy;
  return this;
};

function Circle(x, y, r) {
  Shape.apply(this, arguments);
  this.r = r;
}

// Circle is a Shape.
Circle.prototype = Object.create(Shape.prototype);
Circle.prototype.constructor = Circle;

Circle.prototype.area = function () {
  return Math.PI * this.r * this.r;
};

exports.Shape = Shape;
exports.Circle = Circle;
