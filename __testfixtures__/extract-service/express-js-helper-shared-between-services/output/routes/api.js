var express = require('express');
var db = require('../db');
var { UsersService, page } = require('../services/users.service');

var usersService = new UsersService();

var router = express.Router();

// page() moves with the first route's logic (UsersService); the second route's service cannot take it too.
router.get('/users', async function (req, res) {
  var n = req.query.n;
  res.json(await usersService.listUsers({ n }));
});

router.get('/orders', async function (req, res) {
  var n = req.query.n;
  var orders = await db.orders();
  var shown = page(orders, n);
  res.json(shown);
});

module.exports = router;
