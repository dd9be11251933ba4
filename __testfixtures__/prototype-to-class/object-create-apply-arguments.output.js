'use strict';

class Shape {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }

  move(dx, dy) {
    this.x += dx;
    this.y += dy;
    return this;
  }
}

class Circle extends Shape {
  constructor(x, y, r) {
    super(...arguments);
    this.r = r;
  }

  area() {
    return Math.PI * this.r * this.r;
  }
}

// Circle is a Shape.

exports.Shape = Shape;
exports.Circle = Circle;
