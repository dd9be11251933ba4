module.exports = function setup() {
  console.log(config);
  var config = { port: 3000 };
  var self = self || {};
  return config;
};
