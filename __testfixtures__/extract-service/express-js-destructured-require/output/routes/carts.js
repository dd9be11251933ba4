var express = require('express');
var { CartsService } = require('../services/carts.service');
var { sendDomainError } = require('./error-responses');

var cartsService = new CartsService();

var router = express.Router();

// total() comes from a destructured require: the service must require it too.
router.get('/:id/total', async function (req, res) {
  try {
    res.json(await cartsService.getCartTotal({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
