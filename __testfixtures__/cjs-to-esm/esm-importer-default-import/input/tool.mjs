// a default import of CommonJS is module.exports; converted, config.js would have no default export
import config from './config.js';

console.log(config.port);
