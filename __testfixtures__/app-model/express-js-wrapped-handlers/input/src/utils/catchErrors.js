// Forwards a rejected promise of the wrapped handler to the error middleware.
const catchErrors = (handler) => (req, res, next) => {
  Promise.resolve(handler(req, res, next)).catch((err) => next(err));
};

module.exports = catchErrors;
