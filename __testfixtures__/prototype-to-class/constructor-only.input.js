'use strict';

var hashClear = require('./hashClear');

function Hash(entries) {
  this.clear();
}

// Trap: nothing moves into a class body (existing functions are assigned), so nothing is gained.
Hash.prototype.clear = hashClear;

module.exports = Hash;
