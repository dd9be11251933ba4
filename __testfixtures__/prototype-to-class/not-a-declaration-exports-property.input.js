'use strict';
var util = require('util');
var EventEmitter = require('events');

exports.Parser = function Parser() {
  EventEmitter.call(this);
};
util.inherits(exports.Parser, EventEmitter);

exports.Parser.prototype.parse = function (text) {
  return text.split(',');
};
