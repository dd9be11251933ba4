module.exports = function f() {
  try {
    throw new Error('x');
  } catch (e) {
    var e = 'shadowed';
    var note = 'caught';
    return note + e;
  }
};
