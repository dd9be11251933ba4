// As the http-status package: names for status codes, typed as plain numbers.
module.exports = { CREATED: 201, NOT_FOUND: 404 };
