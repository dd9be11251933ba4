'use strict';

function format(value) {
  return '[' + value + ']';
}

export const parse = function (text) {
  return text.split(',');
};
export { format };
export const VERSION = '1.0';

// read inside a function: becomes the local binding
export const parseAndFormat = function (text) {
  return parse(text).map(format);
};
