var express = require('express');
var db = require('../db');

var router = express.Router();

// A catch callback that only hands its error to next is `.catch(next)`: the chain moves to the service.
router.get('/:id', function (req, res, next) {
  db.findUser(Number(req.params.id))
    .then((user) => {
      if (!user) return res.status(404).json({ error: 'not found' });
      res.json({ id: user.id, name: user.name });
    })
    .catch((error) => {
      next(error);
    });
});

router.get('/count/:id', function (req, res, next) {
  db.countOrders(Number(req.params.id))
    .then(function (count) {
      res.json({ count: count, at: Date.now() });
    })
    .catch(function (err) { return next(err); });
});

// A catch callback that does more than forward the error stays in the controller as written.
router.get('/logged/:id', function (req, res, next) {
  db.countOrders(Number(req.params.id))
    .then(function (count) {
      res.json({ count: count, at: Date.now() });
    })
    .catch(function (err) {
      console.error(err);
      next(err);
    });
});

module.exports = router;
