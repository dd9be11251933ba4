var name = 'x', age = 3;
var user = { name, age, role: 'admin' };
module.exports = {
  name,
  age,
  other: age,
};
