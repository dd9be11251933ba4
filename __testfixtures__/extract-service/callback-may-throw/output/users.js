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
