const settings = require('./settings');
const { port } = require('./settings');

// setPort assigns to `this`, the exports object when called as settings.setPort
settings.setPort(8080);
console.log(port, settings.port);
