var express = require('express');
var db = require('../db');
var { OrdersService } = require('../services/orders.service');
var { CountsService } = require('../services/counts.service');
var { sendDomainError } = require('./error-responses');

var ordersService = new OrdersService();
var countsService = new CountsService();

var router = express.Router();

// A catch callback that only hands its error to next is `.catch(next)`: the chain moves to the service.
router.get('/:id', function (req, res, next) {
  ordersService.getOrder({ id: req.params.id })
    .then(function (result) {
      res.json(result);
    })
    .catch(function (err) {
      if (!sendDomainError(res, err)) next(err);
    });
});

router.get('/count/:id', function (req, res, next) {
  countsService.getCount({ id: req.params.id })
    .then(function (result) {
      res.json(result);
    })
    .catch(next);
});

// Left alone: the catch callback does more than forward the error.
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
