'use strict';

function Widget(el) {
  this.el = el;
}
Widget.prototype = {
  constructor: Widget,
  toString() {
    return 'Widget ' + super.toString();
  },
};

module.exports = Widget;
