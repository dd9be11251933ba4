const Item = require('../models/item');

// Moves: test/items.test.js reloads the configuration only and loads this module once, as it is, so a service module
// requiring the model sees what this module saw.
exports.getItem = async (req, res) => {
  const item = await Item.find(req.params.id);
  if (!item) return res.status(404).json({ error: 'No such item' });
  res.json({ id: item.id, title: item.title, inStock: item.stock > 0 });
};
