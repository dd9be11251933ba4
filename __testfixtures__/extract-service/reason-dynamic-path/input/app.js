var express = require('express');

var app = express();

// A route whose path is computed from a parameter and that is given no function at all (an empty middleware list):
// there is no handler, and the path is the only thing the app model can say about it (dynamic-path).
module.exports = function mount(base) {
  var router = express.Router();
  router.get(base + '/ping', []);
  app.use(router);
  return app;
};
