'use strict';

// Trap: makeStore() runs before the constructor's position; with a class it would throw.
var store = makeStore();

function makeStore() {
  return new Store();
}

function Store() {
  this.items = [];
}

Store.prototype.add = function (x) {
  this.items.push(x);
};

module.exports = store;
