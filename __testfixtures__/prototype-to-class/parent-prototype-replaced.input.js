'use strict';
var util = require('util');

function Base() {
  this.id = 0;
}

function Child() {
  Base.call(this);
}

// Base's prototype is replaced between Child and the inherits call: util.inherits links to the new one,
// `class Child extends Base` at Child's place would link to the old one.
Base.prototype = {
  constructor: Base,
  describe: function () {
    return 'base ' + this.id;
  },
};

util.inherits(Child, Base);
Child.prototype.kind = function () {
  return 'child';
};

module.exports = { Base: Base, Child: Child };
