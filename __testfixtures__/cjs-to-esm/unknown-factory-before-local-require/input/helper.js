'use strict';

// reads what the factory call in main.js set: it must still run first
exports.name = global.loggerName;
