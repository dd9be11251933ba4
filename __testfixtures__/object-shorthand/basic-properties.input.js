var name = 'x', age = 3;
var user = { name: name, age: age, role: 'admin' };
module.exports = {
  name: name,
  age: age,
  other: age,
};
