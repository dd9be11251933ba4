process.env.MODE = 'test';
// an import of ./env would run before the line above
const mode = require('./env');

console.log(mode);
