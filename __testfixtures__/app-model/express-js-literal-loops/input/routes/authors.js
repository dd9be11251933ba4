module.exports = {
  list(req, res) {
    res.json([]);
  },
  create(req, res) {
    res.status(201).json(req.body);
  },
};
