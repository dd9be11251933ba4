'use strict';

var util = require('util');
var EventEmitter = require('events').EventEmitter;

function Channel() {
  EventEmitter.apply(this, arguments);
}
util.inherits(Channel, EventEmitter);

Channel.prototype.send = function (msg) {
  this.emit('message', msg);
};

var channel = new Channel();
channel.send('hi');
