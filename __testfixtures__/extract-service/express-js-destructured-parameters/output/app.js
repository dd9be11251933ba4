var express = require('express');
var db = require('./db');
var { UsersService } = require('./services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var app = express();

// The handler destructures its request parameter: `params.id` is read as `req.params.id` would be (passed in).
app.get('/users/:id', async function ({ params }, res) {
  var id = Number(params.id);
  try {
    res.json(await usersService.getUser({ id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// A renamed part passed whole: the service gets the same object.
app.post('/users', async function ({ body: data }, res) {
  var result = await usersService.createUser({ data });
  res.status(201).json(result);
});

// Left alone: a default value (the name may hold something else than the request's).
app.get('/search', async function ({ query = {} }, res) {
  var rows = await db.all();
  res.json(rows.slice(0, Number(query.limit)));
});

// Left alone: the handler assigns the destructured name.
app.put('/users/:id', async function ({ params, body }, res) {
  body = Object.assign({ id: Number(params.id) }, body);
  var saved = await db.save(body);
  res.json(saved);
});

// Left alone: a nested pattern.
app.delete('/users/:id', async function ({ params: { id } }, res) {
  var user = await db.find(Number(id));
  var all = await db.all();
  res.json({ user: user, count: all.length });
});

// Left alone: the whole object is captured by a function that may run after the handler returned.
app.get('/audit', async function ({ query }, res) {
  var rows = await db.all();
  setTimeout(function () { console.log('audit', query); }, 10);
  res.json(rows);
});

// Left alone: a field is passed in while the whole object is handed to a call that may change it first.
app.get('/rows', async function ({ query }, res) {
  var all = await db.all();
  db.normalize(query);
  res.json(all.slice(0, Number(query.limit)));
});

module.exports = app;
