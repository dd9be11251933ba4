var fs = require('fs');
var data = fs.readFileSync('x');
module.exports = data;
