// generated and gitignored, still run by `node generated/routes.js`
module.exports = require('../app');
