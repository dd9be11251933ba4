'use strict';

const express = require('express');
const products = require('../controllers/products');

const router = express.Router();

router.route('/').post(products.createProduct);
router.route('/:id').get(products.getProduct).delete(products.removeProduct);
router.get('/:id/price', products.priceOf);
router.put('/:id/name', products.renameProduct);
router.put('/:id/discount', products.discountProduct);
router.put('/:id/restock', products.restockProduct);

module.exports = router;
