const { format } = require('util');

module.exports = (name) => format('hello %s', name);
