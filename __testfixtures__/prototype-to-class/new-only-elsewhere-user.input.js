'use strict';
// Not a candidate itself: uses new-only-elsewhere's Point only in ways a class keeps.
var Point = require('./new-only-elsewhere.input');

var p = new Point(3, 4);
var isPoint = p instanceof Point;
var n = Point.prototype.norm.call(p);
Point.prototype.scale = function (k) {
  return new Point(this.x * k, this.y * k);
};
var zero = Point.origin();
var proto = Object.create(Point.prototype);

exports.Point = Point;
module.exports.values = { isPoint: isPoint, n: n, zero: zero, proto: proto };
