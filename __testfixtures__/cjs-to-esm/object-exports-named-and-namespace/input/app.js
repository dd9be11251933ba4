const { add } = require('./lib/math');
const math = require('./lib/math');

// `math` is only read as math.sub: a namespace import gives the same value
console.log(add(1, 2), math.sub(3, 1));
