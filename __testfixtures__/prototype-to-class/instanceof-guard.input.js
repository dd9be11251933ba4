'use strict';

function Client(url) {
  // Trap: this guard exists because callers use Client(url) without new.
  if (!(this instanceof Client)) return new Client(url);
  this.url = url;
}

Client.prototype.get = function (path) {
  return this.url + path;
};

module.exports = Client;
