module.exports = function app() {};
