const express = require('express');
const db = require('./db');

const app = express();
const REASONS = ['unknown item', 'item archived'];

// Also called from a timer below, where a throw is not Express's to turn into next(err): the statements before the
// try stay in the controller as they are, and only the try's logic moves (its catch receives what it received).
function getItem(req, res, next) {
  const id = Number(req.params.id);
  const wanted = id + 0;
  try {
    const item = db.peek(wanted);
    if (!item) return res.status(404).json({ error: 'Item not found' });
    res.json(item);
  } catch (err) {
    next(err);
  }
}
app.get('/items/:id', getItem);
app.get('/legacy/items/:id', (req, res, next) => {
  setTimeout(() => getItem(req, res, next), 10);
});

// Left alone: the wrapper calls the handler and catches its throw itself.
const guarded = (fn) => (req, res, next) => {
  try {
    fn(req, res, next);
  } catch (e) {
    res.status(503).send('busy');
  }
};
app.get('/guarded/:id', guarded((req, res, next) => {
  const id = Number(req.params.id);
  if (id < 0) {
    next(new Error('negative'));
    return;
  }
  const item = db.peek(id);
  if (!item) return res.status(404).json({ error: 'Item not found' });
  res.json(item);
}));

// Left alone: the handler's own final catch answers by itself; what went to next would land there.
app.get('/caught/:id', (req, res, next) => {
  try {
    const id = Number(req.params.id);
    const wanted = id + 0;
    if (wanted < 0) {
      next(new Error('negative id'));
      return;
    }
    const item = db.peek(wanted);
    if (!item) return res.status(404).json({ error: 'Item not found' });
    res.json(item);
  } catch (err) {
    res.status(500).json({ error: 'internal', detail: err.message });
  }
});

// Left alone: an async handler ending in a chain; a throw of findStrict was an unhandled rejection.
app.get('/strict/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  const extra = await Promise.resolve(0);
  db.findStrict(id + extra).then((item) => {
    if (!item) return res.status(404).json({ error: 'Item not found' });
    res.json(item);
  }).catch(next);
});

// A message read by index may be undefined: it travels in the details (`{ ...err.details }`), and the body leaves
// it out as before.
app.get('/reasons/:id', async (req, res) => {
  const id = Number(req.params.id);
  const code = Number(req.query.code || 0);
  const item = await db.find(id);
  if (!item) return res.status(410).json({ error: REASONS[code], id });
  res.json(item);
});

// Left alone: the peer's address read after an await (the client may be gone by then).
app.post('/audit/:id', async (req, res) => {
  const id = Number(req.params.id);
  const item = await db.find(id);
  if (!item) return res.status(404).json({ error: 'Item not found' });
  const from = req.socket.remoteAddress;
  await db.audit({ id, from: from || 'gone' });
  res.status(201).json({ id, from });
});

app.use(require('./routes/more'));

module.exports = app;
