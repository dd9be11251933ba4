var express = require('express');
var db = require('../db');
var dbNow = require('../db-now');
var { ArticlesService } = require('../services/articles.service');
var { sendDomainError } = require('./error-responses');

var articlesService = new ArticlesService();
var router = express.Router();

function errorMessage(err) {
  return err && err.message ? err.message : 'Unknown error';
}

// MEAN.js: `if (err) { answer } else { success }`; a 404 on the way becomes a domain error, answered first.
router.get('/:id', function (req, res) {
  articlesService.getArticle({ id: req.params.id })
    .then(function (result) {
      res.json(result);
    }, function (err) {
      if (sendDomainError(res, err)) return;
      return res.status(400).send({
        message: errorMessage(err)
      });
    })
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

// Validation before the call becomes a domain error of the (async) service, answered first by the reaction.
router.post('/', function (req, res) {
  var article = { title: req.body.title };
  articlesService.createArticle({ article })
    .then(function (result) {
      res.status(201).json(result);
    }, function (err) {
      if (sendDomainError(res, err)) return;
      // the model's own message
      return res.status(422).send({ message: errorMessage(err) });
    })
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

// A request read at the top stays in the controller, where the kept answer still reads it.
router.get('/:id/title', function (req, res) {
  var id = Number(req.params.id) + 1;
  articlesService.getArticleTitle({ id })
    .then(function (article) {
      res.json({ title: article.title });
    }, function (err) {
      return res.status(400).send({ message: 'cannot read article ' + id });
    })
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

// Left alone: the answer reads a value of the logic (it moves to the service).
router.get('/:id/slug', function (req, res) {
  var wanted = [Number(req.params.id), 1].find(function (x) { return x > 0; });
  db.findArticle(wanted, function (err, article) {
    if (err) return res.status(400).send({ message: 'cannot read article ' + wanted });
    res.json({ slug: article.title });
  });
});

// Left alone: a call before the API's may throw; from the service it would reach the answer.
router.put('/:id', function (req, res) {
  var changes = { id: Number(req.params.id) };
  changes.title = req.body.title;
  db.saveArticle(changes, function (err, saved) {
    if (err) return res.status(422).send({ message: errorMessage(err) });
    res.json(saved);
  });
});

// Left alone: two callbacks answer their errors differently (one reaction answers every failure).
router.post('/:id/copy', function (req, res) {
  db.findArticle(Number(req.params.id), function (err, article) {
    if (err) return res.status(400).send({ message: errorMessage(err) });
    db.saveArticle({ title: 'copy' }, function (err2, copy) {
      if (err2) return res.status(500).send({ message: 'copy failed' });
      res.json(copy);
    });
  });
});

// Old tutorials rethrow the error: the reaction rethrows it outside the promise, uncaught as before.
router.get('/:id/raw', function (req, res) {
  articlesService.getArticleRaw({ id: req.params.id })
    .then(function (result) {
      res.json(result);
    }, function (err) {
      throw err;
    })
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

// Left alone: the API may throw before it calls back (callback-not-proven).
router.get('/:id/strict', function (req, res) {
  db.findStrict(Number(req.params.id), function (err, article) {
    if (err) return res.status(400).send({ message: errorMessage(err) });
    res.json({ strict: article });
  });
});

// Left alone: the API defers with a setImmediate of the program's own (callback-not-proven).
router.get('/:id/now', function (req, res) {
  dbNow.findNow(Number(req.params.id), function (err, article) {
    if (err) return res.status(400).send({ message: errorMessage(err) });
    res.json({ now: article });
  });
});

// Left alone: the answer holds a template literal spanning lines, whose lines would move with it.
router.get('/:id/text', function (req, res) {
  db.findArticle(Number(req.params.id), function (err, article) {
    if (err) {
      return res.status(400).type('text').send(`cannot read:
  ${err.message}`);
    }
    res.json({ text: article });
  });
});

module.exports = router;
