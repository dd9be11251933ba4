'use strict';

function add(a, b) {
  return a + b;
}

const sub = (a, b) => a - b;

export { add, sub };
