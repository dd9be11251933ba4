const User = require('./models/user');

exports.createUser = function () {
  return async (req, res, next) => {
    try {
      const user = await User.create({ email: req.body.email });
      res.status(201).json(user);
    } catch (err) {
      next(err);
    }
  };
};
