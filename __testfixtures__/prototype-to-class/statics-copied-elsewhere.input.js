'use strict';

// Exported as a property, and statics-copied-elsewhere-user.input.js copies its statics with Object.assign
// and enumerates its prototype with for-in: static and prototype methods of a class are not enumerable.
function Registry() {
  this.items = [];
}
Registry.prototype.add = function (item) {
  this.items.push(item);
};
Registry.of = function (items) {
  var r = new Registry();
  items.forEach(function (i) { r.add(i); });
  return r;
};

exports.Registry = Registry;
