// Trap: in a browser script, a top-level function is window.Widget; a class is not a property of window.
function Widget(el) {
  this.el = el;
}

Widget.prototype.show = function () {
  this.el.hidden = false;
};
