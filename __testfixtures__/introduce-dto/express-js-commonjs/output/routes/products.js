'use strict';

var express = require('express');
var db = require('../db');

/**
 * @typedef {object} ListProductsQuery
 * @property {string} limit
 * @property {string} offset
 */
/** @typedef {import('express').Request<{}, unknown, unknown, ListProductsQuery>} ListProductsRequest */
/**
 * @typedef {object} CreateProductBody
 * @property {string} title
 * @property {number} price
 * @property {unknown[]} [tags]
 */
/** @typedef {import('express').Request<{}, unknown, CreateProductBody>} CreateProductRequest */
/**
 * @typedef {object} ProductParams
 * @property {string} id
 */
/**
 * @typedef {object} ReplaceProductBody
 * @property {number} price
 */
/** @typedef {import('express').Request<ProductParams, unknown, ReplaceProductBody>} ReplaceProductRequest */

var router = express.Router();

// GET /products?limit=&offset=
router.get('/products', /** @param {ListProductsRequest} req */ function (req, res) {
  var limit = parseInt(req.query.limit, 10) || 20;
  var offset = parseInt(req.query.offset, 10) || 0;
  res.json(db.list(offset, limit));
});

// POST /products { title, price, tags? }
router.post('/products', /** @param {CreateProductRequest} req */ function (req, res) {
  var body = req.body || {};
  if (typeof body.title !== 'string' || typeof body.price !== 'number') {
    return res.status(400).json({ error: 'title and price are required' });
  }
  var tags = body.tags || [];
  res.status(201).json(db.insert({ title: body.title.trim(), price: body.price, tags: tags }));
});

// PUT /products/:id
router.put('/products/:id', /** @param {ReplaceProductRequest} req */ function (req, res) {
  var id = parseInt(req.params.id, 10);
  res.json({ id: id, price: req.body.price * 100 });
});

module.exports = router;
