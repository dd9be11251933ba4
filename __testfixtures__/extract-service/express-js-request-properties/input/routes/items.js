var router = require('express').Router();
var url = require('url');
var db = require('../db');

// The app's own middleware puts the caller on the request (as express-jwt does with `userProperty: 'payload'`).
function auth(req, res, next) {
  var id = Number(req.get('x-user') || 0);
  if (!id) return res.sendStatus(401);
  req.payload = { id: id };
  req.loadUser = function () { return db.findUser(this.payload.id); };
  next();
}

// Preload the item on routes with ':item'
router.param('item', function (req, res, next, id) {
  db.findItem(Number(id)).then(function (item) {
    if (!item) return res.sendStatus(404);
    req.item = item;
    next();
  }).catch(next);
});

// `req.payload` and `req.item` are set by the app's middleware before the handler runs: read like req.body, passed in.
router.post('/:item/like', auth, function (req, res, next) {
  db.findUser(req.payload.id).then(function (user) {
    if (!user) return res.sendStatus(401);
    return db.like(req.item, user).then(function (item) {
      return res.json({ item: item, likes: item.likes.length });
    });
  }).catch(next);
});

// Left alone: the handler writes the property itself.
router.put('/:item', auth, function (req, res, next) {
  db.findUser(req.payload.id).then(function (user) {
    if (!user) return res.sendStatus(401);
    req.item.name = String(req.body.name || req.item.name);
    return res.json({ item: req.item });
  }).catch(next);
});

// Left alone: `req.log` is set by no code of the app (a package's, at best): not known to be plain data.
router.get('/:item/log', auth, function (req, res, next) {
  db.findUser(req.payload.id).then(function (user) {
    if (!user) return res.sendStatus(401);
    return res.json({ log: typeof req.log, user: user.name });
  }).catch(next);
});

// Left alone: a method the middleware put on the request, called through parentheses, is still called on the request
// (`this`): handed to the service as a value it would lose it.
router.get('/:item/owner', auth, function (req, res, next) {
  (req.loadUser)().then(function (user) {
    if (!user) return res.sendStatus(401);
    return db.like(req.item, user).then(function (item) {
      return res.json({ owner: user.name, likes: item.likes.length });
    });
  }).catch(next);
});

// `req.stage` is set again after the middleware hands on: the handler, which reads it after an await, sees the later
// value, which the service, given it at its call, would not (request-in-logic).
function stamp(req, res, next) {
  req.stage = 'before';
  next();
  req.stage = 'after';
}
router.get('/:item/stage', stamp, async function (req, res) {
  var owner = await db.findUser(req.item.owner);
  if (!owner) return res.sendStatus(404);
  res.json({ stage: req.stage, owner: owner.name });
});

// A helper of the app handed the whole request builds an object of Express's string properties (json-server's
// getFullURL): `req.protocol` is a string, not a part of the request, so the helper is bound to the request in the
// controller and called by the service where the logic called it.
function selfLink(req) {
  return url.format({ protocol: req.protocol, host: req.get('host'), pathname: req.originalUrl });
}
router.get('/:item/link', auth, function (req, res, next) {
  db.findUser(req.payload.id).then(function (user) {
    if (!user) return res.sendStatus(401);
    return res.json({ self: selfLink(req), owner: user.name });
  }).catch(next);
});

// The helper's object, a literal of a JavaScript file, takes a new property in the logic: the service's input type
// for it stays open to that.
function origin(req) {
  return { protocol: req.protocol, method: req.method };
}
router.get('/:item/origin', auth, function (req, res, next) {
  db.findUser(req.payload.id).then(function (user) {
    if (!user) return res.sendStatus(401);
    var where = origin(req);
    where.owner = user.name;
    return res.json(where);
  }).catch(next);
});

// The helper destructures Express's string properties from the request it is handed (round 17, F6).
function where({ protocol, method }) {
  return [protocol, method];
}
router.get('/:item/where', auth, function (req, res, next) {
  db.findUser(req.payload.id).then(function (user) {
    if (!user) return res.sendStatus(401);
    return res.json({ owner: user.name, where: where(req) });
  }).catch(next);
});

module.exports = router;
