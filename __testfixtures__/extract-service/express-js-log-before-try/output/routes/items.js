const express = require('express');
const { RemoveService } = require('../services/remove.service');
const { sendDomainError } = require('./error-responses');

const removeService = new RemoveService();
const router = express.Router();

// The request is logged before the try/catch: the log line stays in the handler, the try/catch stays the
// handler's error path, and only the logic inside the try moves.
router.post('/remove', async (req, res) => {
  console.log('HIT /remove with body:', req.body);

  try {
    const { id } = req.body;
    const result = await removeService.createRemove({ id });
    res.status(200).json(result);
  } catch (err) {
    if (sendDomainError(res, err)) return;
    console.error(err);
    res.status(500).json({ error: 'Database query failed.' });
  }
});

module.exports = router;
