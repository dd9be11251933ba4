'use strict';

function Timer(ms) {
  this.ms = ms;
}

// Trap: `this` in an arrow is the module's `this`, not the instance.
Timer.prototype.owner = () => this;

Timer.prototype.wait = function () {
  return this.ms;
};

module.exports = Timer;
