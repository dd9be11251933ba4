module.exports = function run() {
  // lazily loaded local module: require() of an ES module returns its namespace
  const helpers = require('./helpers');
  helpers.extra = true;
  return helpers.slow();
};
