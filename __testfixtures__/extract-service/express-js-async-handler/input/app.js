'use strict';

const express = require('express');
const productRoutes = require('./routes/products');

const app = express();
app.use(express.json());
app.use('/api/products', productRoutes);

// answers what handlers threw, with the status they set (500 when they set none); the name and own keys show
// whether the error is still a plain Error
app.use((err, req, res, next) => {
  const statusCode = res.statusCode === 200 ? 500 : res.statusCode;
  res.status(statusCode);
  res.json({ message: err.message, name: err.name, keys: Object.keys(err), plain: err.constructor === Error });
});

module.exports = app;
