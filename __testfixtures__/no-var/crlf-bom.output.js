const fs = require('fs');
const data = fs.readFileSync('x');
module.exports = data;
