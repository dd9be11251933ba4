function greet(name) {
  return 'hello ' + name;
}

greet.loud = function (name) {
  return greet(name).toUpperCase();
};

module.exports = greet;
