'use strict';

function Parser(text) {
  this.text = text;
}
Parser.prototype.Token = function (value) {
  this.value = value;
};
Parser.prototype.next = function () {
  return new this.Token(this.text[0]);
};

module.exports = Parser;
