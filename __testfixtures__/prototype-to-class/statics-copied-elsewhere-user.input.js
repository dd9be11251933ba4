'use strict';
// Not a candidate itself: copies the statics of statics-copied-elsewhere's Registry, and lists its methods.
var lib = require('./statics-copied-elsewhere.input');

var factories = Object.assign({}, lib.Registry);
var methods = [];
for (var key in lib.Registry.prototype) methods.push(key);

module.exports = { factories: factories, methods: methods };
