import path from 'path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
const __filename = fileURLToPath(import.meta.url);
const __dirname = dirname(__filename);
const require = createRequire(import.meta.url);
const settings = require('./data.json');

const root = path.join(__dirname, 'public');
const self = __filename;
const where = require.resolve('./data.json');

export { root, self, where, settings };
