'use strict';

var registry = require('./registry');

function Plugin(opts) {
  this.opts = opts;
}

Plugin.prototype.run = function () {
  return this.opts;
};

// Trap: the registry may call Plugin(opts) without new.
registry.register('plugin', Plugin);
