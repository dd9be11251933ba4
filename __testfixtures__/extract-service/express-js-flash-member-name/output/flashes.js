const seen = [];
exports.middleware = (req, res, next) => {
  req.flash = (type, message) => {
    seen.push([type, message]);
  };
  next();
};
exports.show = (req, res) => {
  res.json(seen.splice(0));
};
