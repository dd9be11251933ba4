const path = require('path');

var root = path.resolve(__dirname, '..'),
    src = path.join(root, 'src'),
    dist = path.join(root, 'dist');

var total = 0, i;
for (i = 0; i < 3; i++) total += i;

module.exports = { root, src, dist, total };
