exports.list = function (req, res) {
  res.json([]);
};
exports.get = function (req, res) {
  res.json({ id: req.params.uid });
};
exports.remove = function (req, res) {
  res.sendStatus(204);
};
