'use strict';
// Not a candidate itself: it initialises a plain object with the Vault constructor of exported-called-elsewhere.
var Vault = require('./exported-called-elsewhere.input');

function lock(store, secret) {
  Vault.call(store, secret);
  return store;
}

module.exports = lock;
