const express = require('express');
const { OrdersService } = require('../services/orders.service');
const { sendResult } = require('../services/http-result');

const ordersService = new OrdersService();

const router = express.Router();

// A named handler: the service method keeps its name.
async function placeOrder(req, res) {
  const items = req.body.items;
  sendResult(res, await ordersService.placeOrder({ items }));
}

router.post('/', placeOrder);

module.exports = router;
