var express = require('express');
var db = require('../db');
var { ItemsService, clamp } = require('../services/items.service');

var itemsService = new ItemsService();

var router = express.Router();

// clamp() is used by the moved logic and by a handler that stays: it moves and is exported back.
router.get('/', async function (req, res) {
  var size = Number(req.query.size);
  res.json(await itemsService.listItems({ size }));
});

router.get('/count', function (req, res) {
  db.count(function (err, n) {
    res.json({ count: clamp(n) });
  });
});

module.exports = router;
