const express = require('express');
const products = require('./controllers/products');
const wrap = require('./lib/wrap');

const app = express();
app.use(express.json());
app.get('/products', products.list);
app.get('/products/:id', products.show);
app.post('/products', products.create);
// a function of the project named like the package's default export: the project's own wrapper
app.get('/health', wrap(async (req, res) => {
  res.json({ ok: true });
}));
module.exports = app;
