module.exports = function handler(req, res) {
  var { name, email } = req.body;
  var [first, ...rest] = name.split(' ');
  var { limit = 10 } = req.query;
  limit = Math.min(limit, 100);
  res.json({ first, rest, email, limit });
};
