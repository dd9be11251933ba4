'use strict';
const express = require('express');
const users = require('./routes/users');
const crud = require('./routes/crud');

const app = express();

// Recursion over a nested literal map with a literal prefix (express's route-map example).
app.map = function (a, route) {
  route = route || '';
  for (var key in a) {
    switch (typeof a[key]) {
      case 'object':
        app.map(a[key], route + key);
        break;
      case 'function':
        app[key](route, a[key]);
        break;
    }
  }
};

app.map({
  '/users': {
    get: users.list,
    '/:uid': {
      get: users.get,
      delete: users.remove,
    },
  },
});

// A helper defined on the app and called with literal arguments (express's resource example).
app.resource = function (path, obj) {
  this.get(path, obj.index);
  this.get(path + '/:id', obj.show);
};

var Pet = {
  index: function (req, res) {
    res.send([]);
  },
  show: function (req, res) {
    res.send({ id: req.params.id });
  },
};

app.resource('/pets', Pet);

// for…in over a const object literal at module level.
const pages = {
  '/about': function (req, res) {
    res.render('about');
  },
  '/terms': function (req, res) {
    res.render('terms');
  },
};
for (const p in pages) app.get(p, pages[p]);

// Object.keys(...).forEach over a const object literal.
const health = { '/health': (req, res) => res.sendStatus(204), '/ready': (req, res) => res.sendStatus(204) };
Object.keys(health).forEach(function (p) {
  app.head(p, health[p]);
});

// A helper function called once per router, each mounted under a prefix.
const books = express.Router();
const authors = express.Router();
crud(books, require('./routes/books'));
crud(authors, require('./routes/authors'));
app.use('/books', books);
app.use('/authors', authors);

// Not evaluated: the object is changed after it is written, so its keys are not known from the literal.
var extra = { '/x': function (req, res) { res.end(); } };
extra['/y'] = users.list;
if (process.env.Z) delete extra['/x'];
for (const p in extra) app.get(p, extra[p]);

// Not evaluated: a helper nobody calls keeps its registration, with a dynamic path.
function unused(router, base, h) {
  router.get(base + '/unused', h);
}

module.exports = app;
