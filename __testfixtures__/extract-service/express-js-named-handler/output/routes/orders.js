const express = require('express');
const { OrdersService } = require('../services/orders.service');
const { sendDomainError } = require('./error-responses');

const ordersService = new OrdersService();

const router = express.Router();

// A named handler: the service method keeps its name.
async function placeOrder(req, res) {
  const items = req.body.items;
  try {
    const result = await ordersService.createOrder({ items });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
}

router.post('/', placeOrder);

module.exports = router;
