const express = require('express');

const app = express();

// The path is computed from a parameter and the route is given no function at all (an empty middleware list):
// nothing to type, and the computed path is what the app model reports (dynamic-path).
module.exports = function mount(base) {
  const router = express.Router();
  router.get(base + '/ping', []);
  // A computed path with a handler is typed like any other route (its path shows the expression).
  router.post(base + '/users', (req, res) => {
    res.status(201).json({ name: req.body.name.trim() });
  });
  app.use(router);
  return app;
};
