var express = require('express');
var settings = require('../settings');
let { limit: cap } = require('../settings');

var router = express.Router();
var store = { count: async function () { return 5; } };

// an admin route loads other settings: the handlers must see them, so what they read stays shared
router.post('/reload', function (req, res) {
  settings = { limit: Number(req.body.limit) };
  cap = Number(req.body.limit);
  res.json({ limit: settings.limit });
});

router.get('/count', async function (req, res) {
  var n = await store.count();
  if (!n) return res.status(404).json({ error: 'none' });
  res.json({ n: Math.min(n, settings.limit) });
});

router.get('/capped', async function (req, res) {
  var n = await store.count();
  if (!n) return res.status(404).json({ error: 'none' });
  res.json({ n: Math.min(n, cap) });
});

module.exports = router;
