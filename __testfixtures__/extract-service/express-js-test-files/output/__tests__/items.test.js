// A test's own app: its routes are not the app's, and nothing may be written beside it (jest takes every module
// under __tests__ for a suite).
const express = require('express');
const db = require('../db');

function testApp() {
  const app = express();
  app.get('/probe/:id', async (req, res) => {
    const item = await db.find(req.params.id);
    if (!item) return res.status(404).json({ error: 'missing' });
    res.json({ probed: item.name });
  });
  return app;
}

module.exports = { testApp };
