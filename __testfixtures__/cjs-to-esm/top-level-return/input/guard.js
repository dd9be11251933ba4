if (global.__loaded) return;
global.__loaded = true;
module.exports = 1;
