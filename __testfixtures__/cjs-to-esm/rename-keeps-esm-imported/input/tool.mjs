// imports config.js by its name: --rename must not turn it into config.mjs
import config from './config.js';

console.log(config.port);
