var express = require('express');
var db = require('../db');

var router = express.Router();

// A promise chain ending in .catch(next): the chain becomes the service's result; the trap is the request read
// inside the logic (req.params.id), passed in as an input.
router.get('/:id', function (req, res, next) {
  var id = parseInt(req.params.id, 10);
  if (isNaN(id)) return res.status(400).json({ error: 'bad id ' + req.params.id });
  db.findUser(id)
    .then(function (user) {
      if (!user) return res.status(404).json({ error: 'not found' });
      return db.countOrders(user.id).then(function (count) {
        res.json({ id: user.id, name: user.name, orders: count });
      });
    })
    .catch(next);
});

module.exports = router;
