module.exports = function describe(kind) {
  switch (kind) {
    case 'a':
      const label = 'first';
      return label;
    case 'b':
      var other = 'second';
      break;
    default:
      return other;
  }
};
