var express = require('express');
var db = require('../db');
var router = express.Router();

// The response is written inside an error-first callback: the service awaits it as a promise.
router.delete('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  if (!id) return res.status(400).json({ error: 'bad id' });
  db.remove(id, function (err, removed) {
    if (err) return next(err);
    if (!removed) return res.sendStatus(404);
    res.sendStatus(204);
  });
});

module.exports = router;
