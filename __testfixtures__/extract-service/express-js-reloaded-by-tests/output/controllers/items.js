const { ItemsService } = require('../services/items.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();

// Moves: test/items.test.js reloads the configuration only and loads this module once, as it is, so a service module
// requiring the model sees what this module saw.
exports.getItem = async (req, res) => {
  try {
    res.json(await itemsService.getItem({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
};
