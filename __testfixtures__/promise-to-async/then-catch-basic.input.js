// The returned chain becomes awaits; the catch covers exactly the steps before it.
function getUserName(id) {
  return fetchUser(id)
    .then(function (user) {
      return user.name;
    })
    .catch(function (err) {
      log(err);
      return 'unknown';
    });
}

module.exports = { getUserName };
