var express = require('express');
var db = require('../db');

var router = express.Router();

router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  var account = await db.get(id);
  if (!account) return res.status(404).json({ error: 'no account' });
  res.json({ id: account.id, balance: account.cents / 100 });
});

// The response is written inside an error-first callback: awaited as a promise by the service.
router.delete('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  db.remove(id, function (err) {
    if (err) return next(err);
    res.sendStatus(204);
  });
});

module.exports = router;
