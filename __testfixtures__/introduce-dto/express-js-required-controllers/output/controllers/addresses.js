/**
 * @typedef {object} CreateAddressBody
 * @property {string} street
 * @property {unknown} city
 */
/** @typedef {import('express').Request<{}, unknown, CreateAddressBody>} CreateAddressRequest */
/**
 * @typedef {object} AddressParams
 * @property {string} id
 */
/** @typedef {import('express').Request<AddressParams>} GetAddressRequest */

const store = [];

exports.create = /** @param {CreateAddressRequest} req */ function (req, res) {
  const street = req.body.street.trim();
  const city = req.body.city;
  store.push({ street, city });
  res.status(201).json({ id: store.length });
};

exports.show = /** @param {GetAddressRequest} req */ function (req, res) {
  const address = store[Number(req.params.id) - 1];
  if (!address) return res.sendStatus(404);
  res.json(address);
};

exports.list = function (req, res) {
  res.json(store);
};
