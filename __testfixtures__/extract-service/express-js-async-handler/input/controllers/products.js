'use strict';

const asyncHandler = require('express-async-handler');
const db = require('../db');

// the status is set for the error middleware, which answers the thrown error
const getProduct = asyncHandler(async (req, res) => {
  const product = await db.findProduct(req.params.id);

  if (product) {
    res.json(product);
  } else {
    res.status(404);
    throw new Error('Product not found');
  }
});

const createProduct = asyncHandler(async (req, res) => {
  const { id, name, price } = req.body;
  if (!name || typeof price !== 'number') {
    res.status(400);
    throw new Error('Invalid product data');
    // (never reached: it stays as written)
    return;
  }
  const existing = await db.findProduct(id);
  if (existing) {
    res.status(409);
    throw new Error('Product already exists');
  }
  const product = await db.saveProduct({ id, name, price, stock: 0 });
  res.status(201).json(product);
});

// a plain throw (no status): the middleware answers 500, before and after
const priceOf = asyncHandler(async (req, res) => {
  const product = await db.findProduct(req.params.id);
  if (!product) throw new Error('No price for an unknown product');
  res.json({ price: product.price, currency: 'EUR' });
});

// next(new Error(…)) from an async handler inside the wrapper: the wrapper hands rejections to next as well
const renameProduct = asyncHandler(async (req, res, next) => {
  const product = await db.findProduct(req.params.id);
  if (!product) {
    next(new Error('Cannot rename an unknown product'));
    return;
  }
  product.name = req.body.name;
  await db.saveProduct(product);
  res.json(product);
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
