'use strict';

function format(value) {
  return '[' + value + ']';
}

exports.parse = function (text) {
  return text.split(',');
};
exports.format = format;
exports.VERSION = '1.0';

// read inside a function: becomes the local binding
exports.parseAndFormat = function (text) {
  return exports.parse(text).map(format);
};
