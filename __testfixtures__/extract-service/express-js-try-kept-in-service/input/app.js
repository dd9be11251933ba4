const express = require('express');
const app = express();
app.use(express.json());
app.use('/wallets', require('./routes/wallets'));
module.exports = app;
