'use strict';

var express = require('express');
var db = require('../db');

var router = express.Router();

// GET /products?limit=&offset=
router.get('/products', function (req, res) {
  var limit = parseInt(req.query.limit, 10) || 20;
  var offset = parseInt(req.query.offset, 10) || 0;
  res.json(db.list(offset, limit));
});

// POST /products { title, price, tags? }
router.post('/products', function (req, res) {
  var body = req.body || {};
  if (typeof body.title !== 'string' || typeof body.price !== 'number') {
    return res.status(400).json({ error: 'title and price are required' });
  }
  var tags = body.tags || [];
  res.status(201).json(db.insert({ title: body.title.trim(), price: body.price, tags: tags }));
});

// PUT /products/:id
router.put('/products/:id', function (req, res) {
  var id = parseInt(req.params.id, 10);
  res.json({ id: id, price: req.body.price * 100 });
});

module.exports = router;
