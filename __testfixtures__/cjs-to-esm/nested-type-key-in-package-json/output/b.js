import { one } from './a.js';

console.log(one);
