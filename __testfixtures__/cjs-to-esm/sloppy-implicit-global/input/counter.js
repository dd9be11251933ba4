function bump() {
  // no declaration: a global in sloppy mode, a ReferenceError in an ES module
  count = (typeof count === 'number' ? count : 0) + 1;
}

module.exports = bump;
