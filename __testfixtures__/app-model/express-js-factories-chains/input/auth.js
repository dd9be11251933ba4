exports.requireUser = function (req, res, next) {
  const token = req.get('Authorization');
  if (!token) return res.status(401).json({ error: 'unauthorized' });
  req.user = { id: 1, role: 'doctor' };
  next();
};

exports.requireRole = function (role) {
  return function (req, res, next) {
    if (!req.user || req.user.role !== role) return res.sendStatus(403);
    next();
  };
};
