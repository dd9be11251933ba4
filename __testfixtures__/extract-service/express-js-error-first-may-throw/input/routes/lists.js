var express = require('express');
var db = require('../db');
var router = express.Router();

// The callback's response reads a property of what the API passed: a throw there is uncaught today, so the response
// stays in the controller, after the service and outside its error path (the domain error still answered there).
router.get('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  if (!id) return res.status(400).json({ error: 'bad id' });
  db.remove(id, function (err, list) {
    if (err) return next(err);
    res.json({ count: list.length });
  });
});

module.exports = router;
