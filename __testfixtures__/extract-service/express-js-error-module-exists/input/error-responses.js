// Hand-written, not by extract-service.
module.exports = function sendError(res, status, message) {
  res.status(status).json({ error: message });
};
