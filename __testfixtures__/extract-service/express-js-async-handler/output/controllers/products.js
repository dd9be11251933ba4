'use strict';

const asyncHandler = require('express-async-handler');
const db = require('../db');
const { ProductsService } = require('../services/products.service');
const { sendDomainError } = require('./error-responses');

const productsService = new ProductsService();

// the status is set for the error middleware, which answers the thrown error
const getProduct = asyncHandler(async (req, res) => {
  try {
    res.json(await productsService.getProduct({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

const createProduct = asyncHandler(async (req, res) => {
  const { id, name, price } = req.body;
  try {
    const result = await productsService.createProduct({ id, name, price });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// a plain throw (no status): the middleware answers 500, before and after
const priceOf = asyncHandler(async (req, res) => {
  res.json(await productsService.getProductPrice({ id: req.params.id }));
});

// next(new Error(…)) from an async handler inside the wrapper: the wrapper hands rejections to next as well
const renameProduct = asyncHandler(async (req, res, next) => {
  res.json(await productsService.replaceProductName({ id: req.params.id, body: req.body }));
});

// the message is built from a value: building it may fail after the status is set, so it stays
const removeProduct = asyncHandler(async (req, res) => {
  const removed = await db.removeProduct(req.params.id);
  if (!removed) {
    res.status(404);
    throw new Error(`Product ${req.params.id.toUpperCase()} not found`);
  }
  res.json({ removed: req.params.id });
});

// declared apart from its wrapper: other code may call it, so next(err) cannot become a throw
async function discountProduct(req, res, next) {
  const product = await db.findProduct(req.params.id);
  if (!product) return next(new Error('Cannot discount an unknown product'));
  product.price = Math.round(product.price * 0.9);
  await db.saveProduct(product);
  res.json(product);
}

// inside a try of the logic: its catch would take the thrown error
const restockProduct = asyncHandler(async (req, res) => {
  try {
    const product = await db.findProduct(req.params.id);
    if (!product) {
      res.status(404);
      throw new Error('Product not found');
    }
    product.stock += 1;
    await db.saveProduct(product);
    res.json(product);
  } catch (err) {
    res.status(503).json({ message: 'Try again later' });
  }
});

module.exports = {
  getProduct,
  createProduct,
  priceOf,
  renameProduct,
  removeProduct,
  discountProduct: asyncHandler(discountProduct),
  restockProduct,
};
