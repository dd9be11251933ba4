import math from './math.js';
const { add } = math;

console.log(add(2, 2));
