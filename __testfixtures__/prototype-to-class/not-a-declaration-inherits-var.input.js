'use strict';
var util = require('util');
var EventEmitter = require('events');
var Store = function Store() {
  EventEmitter.call(this);
};
util.inherits(Store, EventEmitter);
module.exports = Store;
