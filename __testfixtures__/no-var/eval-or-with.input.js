var x = 1;
module.exports = function run(code) {
  var y = 2;
  return eval(code) + x + y;
};
