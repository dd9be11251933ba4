// reads the values after setup.js changed them: 8080 in CommonJS
import config from './config.js';
const { port, host } = config;
console.log('listening on ' + host + ':' + port);
