const leftPad = require('left-pad');
module.exports = (s) => leftPad(s, 8);
