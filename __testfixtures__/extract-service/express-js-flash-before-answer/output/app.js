const express = require('express');
const flashes = require('./flashes');
const accountController = require('./controllers/account');

const app = express();
app.use(express.json());
// a stand-in for connect-flash: what a handler flashes is kept for GET /flashes to show
app.use(flashes.middleware);
app.get('/flashes', flashes.show);

app.post('/account/email/remove', accountController.postRemoveEmail);
app.get('/account/methods', accountController.getMethods);
app.post('/account/rename', accountController.postRename);
app.post('/account/notify', accountController.postNotify);
app.post('/account/reset', accountController.postReset);
app.post('/account/touch', accountController.postTouch);
app.post('/account/save', accountController.postSave);
module.exports = app;
