const path = require('path');

module.exports = path.join('x', 'y');
