import express from 'express';

export const router = express.Router();

function lineTotal(price: number, quantity: number): number {
  return price * quantity;
}

router.post('/checkout', (req, res) => {
  const items = req.body.items;
  if (!Array.isArray(items) || items.length === 0) {
    return res.status(400).json({ error: 'items required' });
  }
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += lineTotal(items[i].price, items[i].quantity);
  }
  const skus: string[] = [];
  for (const item of items) {
    skus.push(item.productId.toUpperCase());
  }
  const city: string = req.body.shipping.address.city;
  res.json({ total, skus, city, gift: req.body.shipping?.giftWrap === true });
});
