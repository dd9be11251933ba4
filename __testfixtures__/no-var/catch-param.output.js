module.exports = function f() {
  try {
    throw new Error('x');
  } catch (e) {
    var e = 'shadowed';
    const note = 'caught';
    return note + e;
  }
};
