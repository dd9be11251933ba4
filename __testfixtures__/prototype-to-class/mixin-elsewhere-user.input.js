'use strict';
// Not a candidate itself: it copies the methods of mixin-elsewhere's Counter onto a plain object.
var Counter = require('./mixin-elsewhere.input');

var counting = Object.assign({}, Counter.prototype);

module.exports = counting;
