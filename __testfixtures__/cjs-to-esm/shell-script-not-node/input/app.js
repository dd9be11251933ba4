const path = require('path');

console.log(path.sep);
