'use strict';

var EventEmitter = require('events').EventEmitter;

function Store() {
  EventEmitter.call(this);
  this.state = {};
}

// Trap: copying methods onto the prototype relies on them being plain enumerable properties.
Object.assign(Store.prototype, EventEmitter.prototype);

Store.prototype.set = function (key, value) {
  this.state[key] = value;
  this.emit('change', key);
};

module.exports = Store;
