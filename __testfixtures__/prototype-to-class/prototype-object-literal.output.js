'use strict';

class Stack {
  constructor() {
    this.items = [];
  }

  /** Adds on top. */
  push(x) {
    this.items.push(x);
    return this;
  }

  pop() {
    return this.items.pop();
  }

  get size() {
    return this.items.length;
  }
}

module.exports = Stack;
