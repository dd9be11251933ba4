let settings = require('./settings');
if (process.env.NODE_ENV === 'test') settings = { port: 0 };
module.exports = settings.port;
