'use strict';

function Config(values) {
  this.values = values;
}

Config.prototype.get = function (key) {
  return this.values[key];
};

// Trap: this instance exists before `has` is added; a check here would see it earlier with a class.
var defaults = new Config({ port: 80 });
var hadHas = typeof defaults.has === 'function';

Config.prototype.has = function (key) {
  return key in this.values;
};

module.exports = { Config: Config, defaults: defaults, hadHas: hadHas };
