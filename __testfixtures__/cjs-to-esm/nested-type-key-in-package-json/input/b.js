const { one } = require('./a');

console.log(one);
