var express = require('express');
var db = require('../db');
var { total } = require('../lib/math');

var router = express.Router();

// total() comes from a destructured require: the service must require it too.
router.get('/:id/total', async function (req, res) {
  var items = await db.cart(req.params.id);
  if (!items) return res.status(404).json({ error: 'no cart' });
  res.json({ total: total(items) });
});

module.exports = router;
