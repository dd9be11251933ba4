'use strict';

const products = new Map([
  ['1', { id: '1', name: 'Lamp', price: 20, stock: 0 }],
  ['2', { id: '2', name: 'Desk', price: 150, stock: 3 }],
]);

module.exports = {
  async findProduct(id) {
    if (id === 'boom') throw new Error('database unavailable');
    return products.get(id) || null;
  },
  async saveProduct(product) {
    products.set(product.id, product);
    return product;
  },
  async removeProduct(id) {
    return products.delete(id);
  },
  listProducts() {
    return [...products.values()];
  },
};
