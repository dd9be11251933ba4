function Poller(interval) {
  this.interval = interval;
  this.count = 0;
}

Poller.prototype.ticks = function (n) {
  var result = [];
  // Trap: `this` in a nested function is the global object in sloppy mode, undefined in a class body.
  [1, 2, 3].slice(0, n).forEach(function () {
    result.push(this === undefined ? 'strict' : 'sloppy');
  });
  return result;
};

module.exports = Poller;
