'use strict';

function add(a, b) {
  return a + b;
}

const sub = (a, b) => a - b;

module.exports = { add: add, sub };
