'use strict';

// the app's own table: a plain object whose values could change at run time
const Status = { GONE: 410 };

module.exports = { Status };
