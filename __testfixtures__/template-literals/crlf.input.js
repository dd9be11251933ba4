const a = 'x' + y;
const b = 1 + 2;
