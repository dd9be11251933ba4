function greet(name) {
  return 'hello ' + name;
}

greet.loud = function (name) {
  return greet(name).toUpperCase();
};

export default greet;
