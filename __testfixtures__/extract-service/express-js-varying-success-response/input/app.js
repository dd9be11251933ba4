var express = require('express');
var db = require('./db');

var app = express();

// Two success answers with different statuses (varying-success-response).
app.put('/users/:id', async function (req, res) {
  var id = Number(req.params.id);
  var name = req.body.name;
  var user = await db.find(id);
  if (user) {
    user.name = name;
    return res.status(200).json(user);
  }
  var created = await db.save({ id: id, name: name });
  res.status(201).json(created);
});

module.exports = app;
