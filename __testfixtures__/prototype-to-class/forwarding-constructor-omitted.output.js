'use strict';

var util = require('util');
var EventEmitter = require('events').EventEmitter;

class Channel extends EventEmitter {
  send(msg) {
    this.emit('message', msg);
  }
}

var channel = new Channel();
channel.send('hi');
