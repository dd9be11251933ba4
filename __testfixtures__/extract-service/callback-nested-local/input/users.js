var users = [{ name: 'Tobi', species: 'ferret' }, { name: 'Luna', species: 'cat' }];

// A faux model: each function answers once, on the next tick, error first.
exports.count = function (fn) {
  process.nextTick(function () {
    fn(null, users.length);
  });
};

exports.all = function (fn) {
  setImmediate(function () {
    fn(null, users);
  });
};

exports.twice = function (fn) {
  fn(null, 1);
  fn(null, 2);
};

// Three call sites, each leaving the deferred function at once: it still answers once.
exports.remove = function (name, fn) {
  setImmediate(function () {
    if (!name) return fn(new Error('no name'));
    for (var i = 0; i < users.length; i++) {
      if (users[i].name === name) break;
    }
    if (i === users.length) return fn(null, false);
    users.splice(i, 1);
    fn(null, true);
  });
};
