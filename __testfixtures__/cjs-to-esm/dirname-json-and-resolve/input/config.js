const path = require('path');
const settings = require('./data.json');

const root = path.join(__dirname, 'public');
const self = __filename;
const where = require.resolve('./data.json');

module.exports = { root, self, where, settings };
