const { parse, VERSION } = require('./util');
const util = require('./util');

console.log(parse('a,b'), VERSION, util.parseAndFormat('c'));
