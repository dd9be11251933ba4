// overrides a setting through the shared exports object
const config = require('./config');
config.port = 8080;
