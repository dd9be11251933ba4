var a = 1;
module.exports = { ['a']: a };
