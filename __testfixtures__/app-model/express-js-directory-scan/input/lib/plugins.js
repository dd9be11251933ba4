// Not evaluated: what a plugin registers depends on a call into it, so the routes are not statically known.
var fs = require('fs');
var path = require('path');

module.exports = function (app) {
  var dir = path.join(__dirname, '..', 'plugins');
  fs.readdirSync(dir).forEach(function (name) {
    var plugin = require(path.join(dir, name));
    app[plugin.method()](plugin.path, plugin.handle);
  });
};
