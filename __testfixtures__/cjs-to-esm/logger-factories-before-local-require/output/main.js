'use strict';

import createDebug from 'debug';
import depd from 'depd';
var debug = createDebug('app:main');
var deprecate = depd('app');
// the two factory calls above run after ./helper once the requires are hoisted imports; neither can tell
import * as helper from './helper.js';

export default (function main() {
  debug('main called');
  deprecate('main() is going away');
  return helper.answer();
});
