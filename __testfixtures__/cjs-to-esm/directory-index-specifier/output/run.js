import * as lib from './lib/index.js';
import extra from './lib/extra.js';

console.log(lib.hello(), extra);
