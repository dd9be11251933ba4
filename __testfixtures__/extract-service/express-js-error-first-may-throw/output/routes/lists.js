var express = require('express');
var { ListsService } = require('../services/lists.service');
var { sendDomainError } = require('./error-responses');

var listsService = new ListsService();
var router = express.Router();

// The callback's response reads a property of what the API passed: a throw there is uncaught today, so the response
// stays in the controller, after the service and outside its error path (the domain error still answered there).
router.get('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  listsService.getList({ id })
    .then(function (list) {
      res.json({ count: list.length });
    }, function (e) {
      if (!sendDomainError(res, e)) next(e);
    })
    .catch(function (e) { queueMicrotask(function () { throw e; }); });
});

module.exports = router;
