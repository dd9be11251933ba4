'use strict';

function Stack() {
  this.items = [];
}
Stack.prototype = {
  constructor: Stack,
  push: function (x) {
    this.items.push(x);
  },
  pop: function () {
    return this.items.pop();
  },
  // peek: function () { return this.items[this.items.length - 1]; },
};

module.exports = Stack;
