const express = require('express');
const booksRoute = require('./books');
const healthRoute = require('./health');
const debugRoute = require('./debug');
const settings = require('../settings');

const router = express.Router();

const mounted = [
  { path: '/books', route: booksRoute },
  { path: '/health', route: healthRoute },
];

mounted.forEach((entry) => {
  router.use(entry.path, entry.route);
});

if (settings.debug) {
  [{ path: '/debug', route: debugRoute }].forEach((entry) => {
    router.use(entry.path, entry.route);
  });
}

module.exports = router;
