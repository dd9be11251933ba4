var express = require('express');
var { PetsService } = require('../services/pets.service');
var { sendDomainError } = require('./error-responses');

var petsService = new PetsService();
var router = express.Router();

// Two nested error-first callbacks of functions that answer once: each becomes an await in the service.
router.get('/', function (req, res, next) {
  var title = req.query.title;
  petsService.listPets({ title })
    .then(function (result) {
      res.render('index', result);
    })
    .catch(function (e) {
      if (!sendDomainError(res, e)) next(e);
    });
});

router.delete('/:name', function (req, res, next) {
  var name = req.params.name;
  petsService.deletePet({ name })
    .then(function () {
      res.sendStatus(204);
    })
    .catch(function (e) {
      if (!sendDomainError(res, e)) next(e);
    });
});

module.exports = router;
