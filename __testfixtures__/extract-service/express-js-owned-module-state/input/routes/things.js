const express = require('express');
const db = require('../db');

const router = express.Router();

// only the listener route and the helper moving with it read and assign these: they move whole to the service
let listening = false;
let started = 0;

function start() {
  started += 1;
  return started;
}

router.post('/listen', async (req, res) => {
  const thing = await db.find(Number(req.body.id));
  if (!thing) {
    res.status(404).json({ error: 'no thing' });
    return;
  }
  if (!listening) {
    start();
    listening = true;
  }
  res.json({ name: thing.name, started });
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
