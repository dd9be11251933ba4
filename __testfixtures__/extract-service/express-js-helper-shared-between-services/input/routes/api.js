var express = require('express');
var db = require('../db');

var router = express.Router();

function page(list, n) {
  return list.slice(0, Math.max(1, Number(n) || 10));
}

// page() moves with the first route's logic (UsersService); the second route's service cannot take it too.
router.get('/users', async function (req, res) {
  var n = req.query.n;
  var users = await db.users();
  var shown = page(users, n);
  res.json(shown);
});

router.get('/orders', async function (req, res) {
  var n = req.query.n;
  var orders = await db.orders();
  var shown = page(orders, n);
  res.json(shown);
});

module.exports = router;
