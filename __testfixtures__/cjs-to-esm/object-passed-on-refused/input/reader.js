const { find } = require('./db');

console.log(find(1));
