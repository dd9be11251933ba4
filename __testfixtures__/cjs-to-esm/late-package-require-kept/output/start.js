import { join } from 'path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

process.env.DEBUG = 'app';
// env-logger reads DEBUG when it is loaded: hoisting it as an import would change what it sees
const logger = require('env-logger');

console.log(join('a', 'b'), logger.enabled);
