const express = require('express');
const db = require('./db');
const app = express();
const router = express.Router();

function audit(req, res, next) {
  const entry = { path: req.path, at: Date.now() };
  db.log.push(entry);
  if (db.log.length > 100) db.log.shift();
  next();
}

router.use('/stats', function (req, res) {
  const total = db.items.length;
  const big = db.items.filter((i) => i.size > 10);
  res.json({ total, big: big.length });
});

app.get('/items', audit, function (req, res) {
  const list = db.items.filter((i) => i.size > Number(req.query.min || 0));
  const names = list.map((i) => i.name);
  res.json(names);
});
app.use('/api', router);
module.exports = app;
