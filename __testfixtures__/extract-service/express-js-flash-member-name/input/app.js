const express = require('express');
const flashes = require('./flashes');
const wallet = require('./routes/wallet');

const app = express();
app.use(express.json());
// a stand-in for connect-flash: what a handler flashes is kept for GET /flashes to show
app.use(flashes.middleware);
app.get('/flashes', flashes.show);
app.get(/^\/(account|done)$/, (req, res) => res.send('page ' + req.path));
app.use('/', wallet.router);
// the app's own error class answers 422, anything else 500
app.use((err, req, res, next) => {
  res.status(err.constructor.name === 'ValidationError' ? 422 : 500).json({ kind: err.constructor.name, message: err.message });
});
module.exports = app;
