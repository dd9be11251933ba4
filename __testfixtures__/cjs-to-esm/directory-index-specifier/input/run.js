const lib = require('./lib');
const extra = require('./lib/extra.js');

console.log(lib.hello(), extra);
