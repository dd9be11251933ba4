async function getAll(req, res) {
  res.json(await Promise.resolve(['red']));
}

module.exports = { getAll };
