import config from './config.js';
const { port } = config;

console.log(port);
