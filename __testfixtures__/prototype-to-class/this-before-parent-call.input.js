'use strict';

var util = require('util');

function Base(name) {
  this.name = name;
}

Base.prototype.hello = function () {
  return 'hi ' + this.name;
};

function Child(name) {
  // Trap: `this` is used before the parent call; super() must come first.
  this.createdAt = 1;
  Base.call(this, name);
}

util.inherits(Child, Base);

Child.prototype.age = function () {
  return this.createdAt;
};

module.exports = { Base: Base, Child: Child };
