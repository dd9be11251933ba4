// shorthand exports of function declarations
async function getAll(req, res) {
  res.json(await Promise.resolve([]));
}

async function getById(req, res) {
  res.json({ id: req.params.id });
}

module.exports = { getAll, getById };
