module.exports = function handler(req, res) {
  const { name, email } = req.body;
  const [first, ...rest] = name.split(' ');
  let { limit = 10 } = req.query;
  limit = Math.min(limit, 100);
  res.json({ first, rest, email, limit });
};
