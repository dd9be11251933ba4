var router = require('express').Router();
var mongoose = require('mongoose');
var badges = [{ id: 1, label: 'gold' }];

// An if statement at load registers the model: the service, which looks it up, is required after it.
if (badges.length) {
  mongoose.model('Badge', { findById: async function (id) { return badges.find(function (b) { return b.id === id; }) || null; } });
}
var Badge = mongoose.model('Badge');

router.get('/:id', async function (req, res) {
  var badge = await Badge.findById(Number(req.params.id));
  if (!badge) return res.status(404).json({ error: 'no badge' });
  res.json({ label: badge.label.toUpperCase() });
});

module.exports = router;
