const express = require('express');
const pick = require('../utils/pick');
const audit = require('../audit');
const { userService } = require('../services');

const router = express.Router();

// The app has a service layer already: reading the request into the service's arguments and answering is all that
// is left here, so the handler stays (no second service wrapping the first).
router.get('/', async (req, res) => {
  const filter = pick(req.query, ['name', 'role']);
  const options = pick(req.query, ['limit']);
  const result = await userService.queryUsers(filter, options);
  res.send(result);
});

router.get('/:userId', async (req, res) => {
  const user = await userService.getUserById(req.params.userId);
  if (!user) {
    return res.status(404).json({ message: 'User not found' });
  }
  res.send(user);
});

// More than the service call: the audit record is logic of its own, so the handler is extracted.
router.get('/:userId/audited', async (req, res) => {
  const user = await userService.getUserById(req.params.userId);
  if (!user) return res.status(404).json({ message: 'User not found' });
  const seq = audit.record('read ' + user.id);
  res.json({ user, seq });
});

module.exports = router;
