import { parse, VERSION } from './util.js';
import * as util from './util.js';

console.log(parse('a,b'), VERSION, util.parseAndFormat('c'));
