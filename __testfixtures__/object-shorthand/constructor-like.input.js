// A method cannot be called with `new`: anything that may be a constructor stays a function.
var shapes = {
  Point: function (x, y) { this.x = x; this.y = y; },
  make: function () { return {}; },
  widget: function () {},
  init: function (opts) { this.opts = opts; },
  guard: function () { if (!new.target) throw new Error('use new'); },
};
var made = new shapes.make();
shapes.widget.prototype.draw = function () {};
// extend() helpers call a `constructor` property with new, even on a prototype object.
var Model = Base.extend({ constructor: function (attrs) { Base.call(this, attrs); } });
Store.prototype = { constructor: function () {} };
