// json-server's shape: resource functions put their result on res.locals and call next(); a shared `persist`
// middleware runs after them for every writing route; one app-level function sends the answer.
const express = require('express');
const store = require('./store');
const persist = require('./persist');

const app = express();
const router = express.Router();
const p = persist(store);

function update(req, res, next) {
  res.locals.data = store.update(req.params.id, req.body);
  next();
}

function remove(req, res, next) {
  store.remove(req.params.id);
  res.locals.data = {};
  next();
}

// Does more work than `remove`, but the same work whatever the request: middleware.
function stats(req, res, next) {
  const now = Date.now();
  store.counters.writes += 1;
  store.counters.last = now;
  store.counters.history.push(now);
  if (store.counters.history.length > 100) store.counters.history.shift();
  next();
}

function stamp(req, res, next) {
  res.locals.stamped = true;
  next();
}

function tick(req, res, next) {
  store.counters.ticks += 1;
  next();
}

router.route('/items/:id').put(update, p).patch(update, p).delete(remove, stats, p);
// Nothing in the chain uses the request: the last function is the handler.
router.post('/tick', stamp, tick);

app.use(router);
app.use((req, res) => {
  res.json(res.locals.data || {});
});

module.exports = app;
