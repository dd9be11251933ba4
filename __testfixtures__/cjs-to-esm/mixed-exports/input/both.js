module.exports = function main() {};
// writes to the old exports object: lost in CommonJS
exports.helper = function () {};
