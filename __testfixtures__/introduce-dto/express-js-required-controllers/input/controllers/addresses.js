const store = [];

exports.create = function (req, res) {
  const street = req.body.street.trim();
  const city = req.body.city;
  store.push({ street, city });
  res.status(201).json({ id: store.length });
};

exports.show = function (req, res) {
  const address = store[Number(req.params.id) - 1];
  if (!address) return res.sendStatus(404);
  res.json(address);
};

exports.list = function (req, res) {
  res.json(store);
};
