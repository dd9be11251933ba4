var users = [{ id: 1, name: 'ann', role: 'admin' }, { id: 2, name: 'bob', role: 'user' }];
exports.calls = [];
// a rejection for a malformed id, as a driver would
exports.find = function (id) {
  exports.calls.push('find ' + id);
  if (id === 'bad') return Promise.reject(new Error('malformed id'));
  return Promise.resolve(users.find(function (u) { return String(u.id) === String(id); }) || null);
};
// a library's own thenable (a query object) from an untyped driver: its then hands back a native promise
var driver = JSON.parse('{}');
driver.query = function (role) {
  exports.calls.push('query ' + role);
  return {
    then: function (ok, failed) {
      var found = users.filter(function (u) { return u.role === role; });
      return (role === 'bad' ? Promise.reject(new Error('bad role')) : Promise.resolve(found)).then(ok, failed);
    }
  };
};
exports.query = function (role) {
  return driver.query(role);
};
