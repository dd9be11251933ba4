var express = require('express');
var { AppService } = require('./services/app.service');
var { sendResult } = require('./services/http-result');

var appService = new AppService();

var app = express();

// A synchronous handler: the service method stays synchronous, the constant and the import move with it.
app.get('/health', function (req, res) {
  sendResult(res, appService.getHealth());
});

module.exports = app;
