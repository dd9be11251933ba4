'use strict';

function Request(url) {
  this.url = url;
}
Request.prototype = {
  constructor: Request,
  method: 'GET',
  send: function () {
    return this.method + ' ' + this.url;
  },
};

module.exports = Request;
