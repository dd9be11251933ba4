'use strict';
var Point = function (x) {
  this.x = x;
};
Object.defineProperty(Point.prototype, 'double', {
  get: function () { return this.x * 2; },
  configurable: true,
});
module.exports = Point;
