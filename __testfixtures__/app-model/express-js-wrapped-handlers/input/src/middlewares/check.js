// A middleware factory: its returned function does the work itself.
module.exports = function check(fields) {
  return (req, res, next) => {
    const missing = fields.filter((f) => req.body[f] === undefined);
    if (missing.length) return res.status(400).json({ missing });
    next();
  };
};
