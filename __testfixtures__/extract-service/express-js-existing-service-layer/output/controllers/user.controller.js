const express = require('express');
const pick = require('../utils/pick');
const { userService } = require('../services');
const { UsersService } = require('../services/users.service');
const { sendDomainError } = require('./error-responses');

const usersService = new UsersService();

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
  try {
    res.json(await usersService.getUserAudited({ userId: req.params.userId }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
