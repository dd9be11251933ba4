function Tracker(name) {
  this.name = name;
}

Tracker.prototype.track = function () {
  // Trap: an assignment to an undeclared name creates a global in sloppy mode, throws in a class body.
  lastTracked = this.name;
  return lastTracked;
};

module.exports = Tracker;
