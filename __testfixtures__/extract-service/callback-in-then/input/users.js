var users = [{ name: 'Tobi', species: 'ferret' }, { name: 'Luna', species: 'cat' }];

// A faux model: find answers with a promise, all calls back once, on the next tick, error first.
exports.find = function (name) {
  return Promise.resolve(users.find(function (u) { return u.name === name; }));
};

exports.all = function (fn) {
  setImmediate(function () {
    fn(null, users);
  });
};
