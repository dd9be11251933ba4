var greet = require('./greet');
var { loud } = require('./greet');

console.log(greet('ada'), loud('alan'));
