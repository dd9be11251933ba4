// overrides a setting through the shared exports object
import config from './config.js';
config.port = 8080;
