'use strict';

var util = require('util');
var Stream = require('stream');

function Source(opts) {
  Stream.Readable.call(this, opts);
}

util.inherits(Source, Stream.Readable);

Source.prototype._read = function () {
  this.push(null);
};

// Trap: util.inherits sets super_, a class does not.
Source.prototype.parentName = function () {
  return Source.super_.name;
};

module.exports = Source;
