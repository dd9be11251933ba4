function greet(user) {
  return `Hello ${user.name}!`;
}
var url = `/users/${id}/orders?limit=${limit}`;
module.exports = { greet, url };
