const load = require('./plugins');

module.exports = { plugin: load('a') };
