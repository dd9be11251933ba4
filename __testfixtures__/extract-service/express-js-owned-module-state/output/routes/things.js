const express = require('express');
const db = require('../db');
const { ListenService } = require('../services/listen.service');
const { sendDomainError } = require('./error-responses');

const listenService = new ListenService();

const router = express.Router();

router.post('/listen', async (req, res) => {
  try {
    res.json(await listenService.createListen({ id: req.body.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// `seen` is assigned by the logic and read by the answer the controller keeps (its header): left alone
let seen = 0;

router.get('/:id', async (req, res) => {
  const thing = await db.find(Number(req.params.id));
  seen = seen + 1;
  if (!thing) {
    res.status(404).json({ error: 'no thing' });
    return;
  }
  res.set('x-seen', String(seen)).json(thing);
});

module.exports = router;
