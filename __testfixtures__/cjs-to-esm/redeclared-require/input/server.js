var path = require('path');
var root = path.join(__dirname, 'public');
var path = require('path');
module.exports = path.join(root, 'index.html');
