var express = require('express');
var path = require('path');
var db = require('../db');
var router = express.Router();

var FILES_DIR = path.join(__dirname, 'files');
var users = db.users;

// One call of the response, its callback only answering: nothing to move (one-response-call).
router.get('/files/:file', function (req, res, next) {
  res.download(req.params.file, { root: FILES_DIR }, function (err) {
    if (!err) return;
    if (err.status !== 404) return next(err);
    res.statusCode = 404;
    res.send('Cant find that file, sorry!');
  });
});

// One call of the response with a path built by Node's path module (already-thin: a file answer is an answer like
// res.json, and nothing but Node's path module is called).
router.get('/client.js', function (req, res) {
  res.sendFile(path.join(__dirname, 'client.js'));
});

// Content negotiation whose branches build bodies from module values only (one-response-call).
router.get('/users', function (req, res) {
  res.format({
    html: function () {
      res.send('<ul>' + users.map(function (user) {
        return '<li>' + user.name + '</li>';
      }).join('') + '</ul>');
    },
    json: function () {
      res.json(users);
    }
  });
});

// An error handed to next on the next tick (one-response-call).
router.get('/next', function (req, res, next) {
  process.nextTick(function () {
    next(new Error('oh no!'));
  });
});

// One data call and the file answer (already-thin, as `res.json(db.find(id))` is).
router.get('/by-id/:id', function (req, res) {
  res.sendFile(db.pathOf(req.params.id));
});

// Still fat: a branch of res.format calls the data layer (response-not-in-tail).
router.get('/count', function (req, res) {
  res.format({
    text: function () {
      res.send(String(db.count()));
    }
  });
});

// Still fat: the download callback writes something besides the response (streaming-response: a file answer with a
// callback stays where it is).
var failures = 0;
router.get('/counted/:file', function (req, res) {
  res.download(req.params.file, function (err) {
    if (err) failures = failures + 1;
  });
});

// Two statements, and no use of the response: middleware handing on later (middleware-kept).
router.get('/later', function (req, res, next) {
  db.count();
  process.nextTick(function () {
    next();
  });
});

// The download's callback is a function passed by name (already-thin: one call, path.join, besides the answer).
function onDone(err) {
  if (err) db.count();
}
router.get('/named/:file', function (req, res) {
  res.download(path.join(FILES_DIR, req.params.file), onDone);
});

module.exports = router;
