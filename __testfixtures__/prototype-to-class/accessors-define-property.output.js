'use strict';

class Temperature {
  constructor(celsius) {
    this._c = celsius;
  }

  // degrees Fahrenheit
  get fahrenheit() {
    return this._c * 9 / 5 + 32;
  }
  set fahrenheit(f) {
    this._c = (f - 32) * 5 / 9;
  }

  static get absoluteZero() {
    return new Temperature(-273.15);
  }

  toString() {
    return this._c + '°C';
  }
}

module.exports = Temperature;
