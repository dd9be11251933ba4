import { add } from './lib/math.js';
import * as math from './lib/math.js';

// `math` is only read as math.sub: a namespace import gives the same value
console.log(add(1, 2), math.sub(3, 1));
