module.exports = function load(name) {
  return require('./handlers/' + name);
};
