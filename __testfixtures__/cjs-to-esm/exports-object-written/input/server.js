// reads the values after setup.js changed them: 8080 in CommonJS
const { port, host } = require('./config');
console.log('listening on ' + host + ':' + port);
