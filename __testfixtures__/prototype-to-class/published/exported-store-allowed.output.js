'use strict';
var EventEmitter = require('events').EventEmitter;
var util = require('util');

class Store extends EventEmitter {
  constructor() {
    super();
  }

  touch(sid) {
    this.emit('touch', sid);
  }
}

module.exports = Store;
