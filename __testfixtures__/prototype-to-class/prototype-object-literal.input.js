'use strict';

function Stack() {
  this.items = [];
}

Stack.prototype = {
  constructor: Stack,

  /** Adds on top. */
  push: function (x) {
    this.items.push(x);
    return this;
  },

  pop() {
    return this.items.pop();
  },

  get size() {
    return this.items.length;
  },
};

module.exports = Stack;
