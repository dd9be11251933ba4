// A service module in a form extract-service cannot add methods to (service-exists).
module.exports = require('./legacy-users');
