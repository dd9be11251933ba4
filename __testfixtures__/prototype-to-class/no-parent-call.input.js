'use strict';
var util = require('util');
var Token = require('./token');

// The constructor never calls Token: a derived class constructor would have to call super().
function EndToken() {}
util.inherits(EndToken, Token);
EndToken.prototype.isEnd = function () {
  return true;
};

module.exports = EndToken;
