var store = require('./memory-store');
var store = require('./redis-store');
module.exports = store;
