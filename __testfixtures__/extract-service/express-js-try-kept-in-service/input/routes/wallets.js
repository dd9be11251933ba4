const express = require('express');
const db = require('../db');

const router = express.Router();

// An early answer in a catch: the try stays in the service, its catch throws the domain error.
router.get('/:id', async (req, res) => {
  let wallet;
  try {
    wallet = await db.find(req.params.id);
  } catch (err) {
    return res.status(400).json({ error: 'Malformed wallet id' });
  }
  if (!wallet) return res.status(404).json({ error: 'No such wallet' });
  res.json({ id: wallet.id, balance: wallet.balance });
});

// A try whose catch answers 404, after logic that may throw (a data call): the catch cannot be kept around the
// service call, so the service keeps the try; the success inside it is a number, which cannot fail to serialize.
router.put('/:id/balance', async (req, res) => {
  const amount = Number(req.body.amount);
  const wallet = await db.find(req.params.id);
  if (wallet && wallet.card) {
    try {
      await db.increment(req.params.id, amount);
      res.status(200).json({ status: 'success', added: amount });
    } catch (err) {
      res.status(404).json({ error: 'No such wallet' });
    }
  } else {
    res.status(402).json({ status: 'error', message: 'Payment not accepted.' });
  }
});

// Left alone: the success inside the try sends a value the client sent, which may fail to serialize... as far as
// the transform can tell; the catch answered such a failure.
router.post('/:id/echo', async (req, res) => {
  const wallet = await db.find(req.params.id);
  try {
    await db.increment(req.params.id, 0);
    res.json({ wallet: wallet.id, echo: req.body.note });
  } catch (err) {
    res.status(404).json({ status: 'error' });
  }
});

// The handler's final try stays in the controller around the service call (an earlier rule); the error answer inside
// it becomes a domain error, which that catch answers first.
router.delete('/:id', async (req, res) => {
  const wallet = await db.find(req.params.id);
  try {
    if (!wallet) {
      return res.status(404).json({ error: 'No such wallet' });
    }
    await db.close(req.params.id);
    res.status(204).end();
  } catch (err) {
    res.status(409).json({ error: 'Wallet is locked' });
  }
});

// Left alone: an error answer inside a try block that the service would keep (as a throw, the try's own catch would
// take it).
router.delete('/:id/card', async (req, res) => {
  const wallet = await db.find(req.params.id);
  try {
    if (!wallet) {
      return res.status(404).json({ error: 'No such wallet' });
    }
    await db.close(req.params.id);
  } catch (err) {
    return res.status(409).json({ error: 'Wallet is locked' });
  }
  res.status(204).end();
});

// Left alone: a finally runs after the answer today; in the service it would run before it.
router.post('/:id/audit', async (req, res) => {
  const wallet = await db.find(req.params.id);
  try {
    await db.increment(req.params.id, 0);
  } catch (err) {
    return res.status(404).json({ error: 'No such wallet' });
  } finally {
    db.log.push(req.params.id);
  }
  res.json({ audited: wallet.id });
});

// Left alone: the catch answers 500, which no domain error stands for, and the data call before the try may throw.
router.post('/:id/close', async (req, res) => {
  const wallet = await db.find(req.params.id);
  try {
    await db.close(req.params.id);
    res.status(200).json({ closed: true });
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

// An answer in a catch nested in the handler's final try, which stays in the controller: its catch answers the
// domain error first.
router.post('/:id/nested', async (req, res) => {
  try {
    const wallet = await db.find(req.params.id);
    try {
      await db.close(req.params.id);
    } catch (err) {
      return res.status(409).json({ error: 'Wallet is locked' });
    }
    res.json({ closed: wallet.id });
  } catch (err) {
    res.status(400).json({ error: 'Malformed wallet id' });
  }
});

// Left alone: an answer in a catch nested in a try block the service keeps (thrown, the outer catch would take it).
router.post('/:id/reopen', async (req, res) => {
  let wallet;
  try {
    wallet = await db.find(req.params.id);
    try {
      await db.close(req.params.id);
    } catch (err) {
      return res.status(409).json({ error: 'Wallet is locked' });
    }
  } catch (err) {
    return res.status(400).json({ error: 'Malformed wallet id' });
  }
  res.json({ reopened: wallet.id });
});

// Left alone: Express 4 takes a number sent with send() as a status and throws on 5 (the catch answered that).
router.post('/:id/deposit', async (req, res) => {
  const amount = Number(req.body.amount);
  const wallet = await db.find(req.params.id);
  if (wallet) {
    try {
      await db.increment(String(wallet.id), amount);
      res.send(amount);
    } catch (err) {
      res.status(404).json({ error: 'No such wallet' });
    }
  } else {
    res.status(402).json({ error: 'No wallet' });
  }
});

// Left alone: a header whose value the client sent may be invalid, and set() throws then.
router.post('/:id/label', async (req, res) => {
  const wallet = await db.find(req.params.id);
  if (wallet) {
    try {
      await db.increment(String(wallet.id), 0);
      res.set('X-Label', String(req.body.label)).json({ ok: true });
    } catch (err) {
      res.status(400).json({ error: 'Bad label' });
    }
  } else {
    res.status(402).json({ error: 'No wallet' });
  }
});

module.exports = router;
