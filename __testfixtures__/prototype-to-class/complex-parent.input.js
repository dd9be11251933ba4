'use strict';
var util = require('util');
var bases = require('./bases');

function Cache(size) {
  bases.pick('lru').call(this, size);
}
util.inherits(Cache, bases.pick('lru'));
Cache.prototype.peek = function (key) {
  return this.get(key);
};

module.exports = Cache;
