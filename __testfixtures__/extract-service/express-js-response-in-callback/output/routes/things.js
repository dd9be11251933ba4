var express = require('express');
var { ThingsService } = require('../services/things.service');
var { sendDomainError } = require('./error-responses');

var thingsService = new ThingsService();
var router = express.Router();

// The response is written inside an error-first callback: the service awaits it as a promise.
router.delete('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  thingsService.deleteThing({ id })
    .then(function () {
      res.sendStatus(204);
    })
    .catch(function (e) {
      if (!sendDomainError(res, e)) next(e);
    });
});

module.exports = router;
