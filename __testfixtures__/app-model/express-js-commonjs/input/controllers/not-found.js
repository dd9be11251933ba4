module.exports = function (req, res) {
  res.status(404).send('Nothing here');
};
