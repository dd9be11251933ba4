'use strict';

function Temperature(celsius) {
  this._c = celsius;
}

Object.defineProperty(Temperature.prototype, 'fahrenheit', {
  // degrees Fahrenheit
  get: function () {
    return this._c * 9 / 5 + 32;
  },
  set: function (f) {
    this._c = (f - 32) * 5 / 9;
  },
  enumerable: false,
  configurable: true,
});

Object.defineProperty(Temperature, 'absoluteZero', {
  get: function () {
    return new Temperature(-273.15);
  },
  configurable: true,
});

Temperature.prototype.toString = function () {
  return this._c + '°C';
};

module.exports = Temperature;
