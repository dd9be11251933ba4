'use strict';
var EventEmitter = require('events').EventEmitter;
var util = require('util');

function Store() {
  EventEmitter.call(this);
}
util.inherits(Store, EventEmitter);

Store.prototype.touch = function (sid) {
  this.emit('touch', sid);
};

module.exports = Store;
