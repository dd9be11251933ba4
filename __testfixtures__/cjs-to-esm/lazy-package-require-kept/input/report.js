'use strict';

function render(rows) {
  // loaded only when needed: stays a require, through createRequire
  const util = require('util');
  return util.format('%j', rows);
}

module.exports = render;
