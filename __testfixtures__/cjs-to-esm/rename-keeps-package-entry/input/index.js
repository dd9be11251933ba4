const { slugify } = require('./slug');

module.exports = { slugify };
