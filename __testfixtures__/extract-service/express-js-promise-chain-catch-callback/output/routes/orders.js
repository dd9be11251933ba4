var express = require('express');
var { OrdersService } = require('../services/orders.service');
var { CountsService } = require('../services/counts.service');
var { LoggedsService } = require('../services/loggeds.service');
var { sendDomainError } = require('./error-responses');

var ordersService = new OrdersService();
var countsService = new CountsService();
var loggedsService = new LoggedsService();

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

// A catch callback that does more than forward the error stays in the controller as written.
router.get('/logged/:id', function (req, res, next) {
  loggedsService.getLogged({ id: req.params.id })
    .then(function (result) {
      res.json(result);
    })
    .catch(function (err) {
      console.error(err);
      next(err);
    });
});

module.exports = router;
