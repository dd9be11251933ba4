'use strict';

// Business logic of controllers/products.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ConflictError, NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ id: any, name: any, price: any }} CreateProductInput */

/** @typedef {{ id: any }} GetProductInput */

/** @typedef {{ id: any }} GetProductPriceInput */

/** @typedef {{ id: any, body: any }} ReplaceProductNameInput */

class ProductsService {
  /**
   * POST /api/products (controllers/products.js)
   * @param {CreateProductInput} input
   */
  async createProduct(input) {
    const { id, name, price } = input;
    if (!name || typeof price !== 'number') {
      throw new ValidationError('Invalid product data');
      // (never reached: it stays as written)
      return;
    }
    const existing = await db.findProduct(id);
    if (existing) {
      throw new ConflictError('Product already exists');
    }
    const product = await db.saveProduct({ id, name, price, stock: 0 });
    return product;
  }

  /**
   * GET /api/products/:id (controllers/products.js)
   * @param {GetProductInput} input
   */
  async getProduct(input) {
    const { id } = input;
    const product = await db.findProduct(id);

    if (product) {
      return product;
    } else {
      throw new NotFoundError('Product not found');
    }
  }

  /**
   * GET /api/products/:id/price (controllers/products.js)
   * @param {GetProductPriceInput} input
   */
  async getProductPrice(input) {
    const { id } = input;
    const product = await db.findProduct(id);
    if (!product) throw new Error('No price for an unknown product');
    return { price: product.price, currency: 'EUR' };
  }

  /**
   * PUT /api/products/:id/name (controllers/products.js)
   * @param {ReplaceProductNameInput} input
   */
  async replaceProductName(input) {
    const { id, body } = input;
    const product = await db.findProduct(id);
    if (!product) {
      throw new Error('Cannot rename an unknown product');
    }
    product.name = body.name;
    await db.saveProduct(product);
    return product;
  }
}

module.exports = { ProductsService };
