'use strict';

// Trap: the function is hoisted, a class would still be in its temporal dead zone here.
var shared = new Cache();

function Cache() {
  this.map = new Map();
}

Cache.prototype.get = function (key) {
  return this.map.get(key);
};

module.exports = shared;
