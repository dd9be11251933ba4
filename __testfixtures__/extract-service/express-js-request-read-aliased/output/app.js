var express = require('express');
var db = require('./db');
var { UsersService } = require('./services/users.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();

var app = express();

// The logic reads req.body.name before anything could change req.body, then passes req.body as a whole: read when
// the service is called, the field has the same value.
app.post('/users', async function (req, res) {
  try {
    var result = await usersService.createUser({ name: req.body.name, body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Left alone: req.body is handed to a call before its field is read (request-read-aliased).
app.post('/users/late', async function (req, res) {
  try {
    var result = await usersService.createUserLate({ body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Left alone: the part itself is tested before its field is read (without a body, the field read only ran when there
// was one; read at the service call it would throw).
app.post('/users/guarded', async function (req, res) {
  try {
    var result = await usersService.createUserGuarded({ body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Left alone: an optional-chained read after the part was handed to a call is a late read all the same.
app.post('/users/optional', async function (req, res) {
  try {
    var result = await usersService.createUserOptional({ body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// The field read on the else branch runs on no path after the rename of the then branch: read at the service call,
// it has the same value.
app.put('/users/:id', async function (req, res) {
  var id = req.params.id;
  try {
    await usersService.replaceUser({ id, idBody: req.body.id, body: req.body });
    res.status(200).end();
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// The same across the branches of a conditional expression.
app.put('/users/:id/either', async function (req, res) {
  res.json(await usersService.replaceUserEither({ id: req.body.id, idParam: req.params.id, body: req.body, name: req.body.name }));
});

// Left alone: the read after the if runs after the rename on the path through its then branch.
app.put('/users/:id/after', async function (req, res) {
  if (req.body.id === req.params.id) {
    await db.rename(req.body);
  }
  res.json({ name: req.body.name });
});

// A value read from the request at the top (an optional call's argument too: no tag, no read) stays in the controller,
// in its place; the logic after it moves.
app.post('/users/optional-call', async function (req, res) {
  var tag = req.query.tag;
  var name = tag?.concat(req.body.name);
  var result = await usersService.createUserOptionalCall({ tag, name, body: req.body });
  res.status(201).json(result);
});

// A read after a labelled break runs on some paths only; nothing uses the part as a whole, and Express 4's parser
// leaves `{}` without a body, so the read at the service call gives the same value.
app.post('/users/labelled', async function (req, res) {
  var mode = req.query.mode;
  var result = await usersService.createUserLabelled({ mode, body: req.body });
  res.status(201).json(result);
});

// Left alone (request-read-aliased): `body`, destructured from the request before the logic, is req.body as a whole;
// the logic renames through it before it reads req.body.name, which read at the service call would be the old name.
app.post('/users/destructured', async function (req, res) {
  var { body } = req;
  var result = await usersService.createUserDestructured({ body, requestBody: req.body });
  res.status(201).json(result);
});

// The same through a renamed destructuring and through req['body'].
app.post('/users/destructured-renamed', async function (req, res) {
  var { body: b, query } = req;
  var result = await usersService.createUserDestructuredRenamed({ b, query, body: req.body });
  res.status(201).json(result);
});
app.post('/users/element-access', async function (req, res) {
  var b = req['body'];
  var result = await usersService.createUserElementAccess({ b, body: req.body });
  res.status(201).json(result);
});

// Left alone (request-in-logic): `r` is the request itself, which the service would receive and write to.
app.post('/users/request-alias', async function (req, res) {
  var r = req;
  r.body.name = 'W' + r.body.name;
  var user = await db.save({ name: req.body.name });
  user.count = (await db.all()).length;
  res.status(201).json(user);
});

// A nested pattern copies the fields (`{ body: { name } }`), so nothing aliases the part: extracted.
app.post('/users/nested-pattern', async function (req, res) {
  var { body: { name } } = req;
  var result = await usersService.createUserNestedPattern({ name, nameBody: req.body.name });
  res.status(201).json(result);
});

// Left alone: a copy of the request (`{ ...req }`, `Object.assign({}, req)`) holds req.body itself, which the logic
// renames through before reading req.body.name (request-in-logic: the service would get the request's parts); a
// computed key (`{ ['body']: b }`) does too (request-read-aliased).
app.post('/users/spread', async function (req, res) {
  var copy = { ...req };
  await db.rename(copy.body);
  var user = await db.save({ name: req.body.name });
  res.status(201).json(user);
});
app.post('/users/assigned', async function (req, res) {
  var b = Object.assign({}, req).body;
  await db.rename(b);
  var user = await db.save({ name: req.body.name });
  res.status(201).json(user);
});
app.post('/users/computed-key', async function (req, res) {
  var { ['body']: b } = req;
  var result = await usersService.createUserComputedKey({ b, body: req.body });
  res.status(201).json(result);
});

// Left alone (request-in-logic): a function of the project that returns its argument hands on the request.
function same(x) {
  return x;
}
app.post('/users/same', async function (req, res) {
  same(req).body.name = 'S' + req.body.name;
  var user = await db.save({ name: req.body.name, count: (await db.all()).length });
  res.status(201).json(user);
});

module.exports = app;
