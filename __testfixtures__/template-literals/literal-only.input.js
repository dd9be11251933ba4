const message = 'This is a long message ' +
  'that was split over lines ' +
  'on purpose.';
const joined = `x` + 'y';
