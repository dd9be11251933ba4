'use strict';

var Cookie = module.exports = function Cookie(options) {
  this.path = '/';
  this.maxAge = null;
  if (options) {
    for (var key in options) this[key] = options[key];
  }
};

Cookie.prototype = {
  set expires(date) {
    this._expires = date;
  },

  get expires() {
    return this._expires;
  },

  toJSON: function () {
    return { path: this.path, expires: this._expires };
  }
};
