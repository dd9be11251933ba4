var express = require('express');
var { total } = require('../lib/math');
var { SumsService } = require('../services/sums.service');
var { sendDomainError } = require('./error-responses');

var sumsService = new SumsService();

var router = express.Router();

// total() moves to the service, but the module also exports it in shorthand (`{ router, total }`): that is a use of
// the required name, so the require stays.
router.get('/:id/sum', async function (req, res) {
  try {
    res.json(await sumsService.getSumSum({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = { router, total };
