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
var Label = mongoose.model('Label');

router.get('/:id', async function (req, res) {
  var label = await Label.findById(Number(req.params.id));
  if (!label) return res.status(404).json({ error: 'no label' });
  res.json({ text: label.text.toUpperCase() });
});

module.exports = router;
