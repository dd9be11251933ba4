// loads plugins by name at run time: cannot become an ES module
module.exports = function load(name) {
  return require('./plugins/' + name);
};
