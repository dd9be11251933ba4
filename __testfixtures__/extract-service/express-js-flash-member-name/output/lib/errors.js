class ValidationError extends Error {}
module.exports = { ValidationError };
