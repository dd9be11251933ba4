const express = require('express');
const { promisify } = require('util');

const cache = new Map();
// May call back synchronously: a throw in the callback then goes to Express through the handler today.
function getCached(key, cb) {
  if (cache.has(key)) return cb(null, cache.get(key));
  setTimeout(() => cb(new Error('miss')), 10);
}
const getCachedAsync = promisify(getCached);

const app = express();
app.get('/cached/:key', (req, res, next) => {
  getCached(req.params.key, (err, value) => {
    if (err) return next(err);
    res.json(value.toJSON());
  });
});

module.exports = { app, getCachedAsync };
