'use strict';

import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

function render(rows) {
  // loaded only when needed: stays a require, through createRequire
  const util = require('util');
  return util.format('%j', rows);
}

export default render;
