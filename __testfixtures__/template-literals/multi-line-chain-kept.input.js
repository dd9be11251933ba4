throw new Error(
  'Invalid value for ' + field +
  ': expected ' + expected +
  ', got ' + typeof actual
);
