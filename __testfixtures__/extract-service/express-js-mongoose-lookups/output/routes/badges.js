var router = require('express').Router();
var mongoose = require('mongoose');
var badges = [{ id: 1, label: 'gold' }];

// An if statement at load registers the model: the service, which looks it up, is required after it.
if (badges.length) {
  mongoose.model('Badge', { findById: async function (id) { return badges.find(function (b) { return b.id === id; }) || null; } });
}
var { BadgesService } = require('../services/badges.service');
var { sendDomainError } = require('./error-responses');

var badgesService = new BadgesService();

router.get('/:id', async function (req, res) {
  try {
    res.json(await badgesService.getBadge({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
