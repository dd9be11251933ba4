var router = require('express').Router();
var mongoose = require('mongoose');
var labels = [{ id: 1, text: 'urgent' }];

// A class's static block runs at load: it registers the model the moved lookup needs, so the service is required
// after it.
class LabelRegistry {
  static {
    mongoose.model('Label', { findById: async function (id) { return labels.find(function (l) { return l.id === id; }) || null; } });
  }
}
var { LabelsService } = require('../services/labels.service');
var { sendDomainError } = require('./error-responses');

var labelsService = new LabelsService();

router.get('/:id', async function (req, res) {
  try {
    res.json(await labelsService.getLabel({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
