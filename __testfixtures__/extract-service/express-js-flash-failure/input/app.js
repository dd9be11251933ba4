const express = require('express');
const flashes = require('./flashes');
const twoFactor = require('./controllers/two-factor');

const app = express();
app.use(express.json());
// a stand-in for connect-flash: what a handler flashes is kept for GET /flashes to show
app.use(flashes.middleware);
app.get('/flashes', flashes.show);
// where the redirects lead
app.get(/^\/(account|forgot|done)$/, (req, res) => res.send('page ' + req.path));

app.post('/account/2fa/enable', twoFactor.postEnable);
app.post('/account/2fa/reset', twoFactor.postReset);
app.post('/account/2fa/disable', twoFactor.postDisable);
app.post('/account/2fa/check', twoFactor.postCheck);
app.post('/account/2fa/code', twoFactor.postCode);
module.exports = app;
