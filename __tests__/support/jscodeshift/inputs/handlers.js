var request = require('request');

module.exports = {
  list: function (req, res) {
    request.get(url, function (err, body) {
      if (err) return res.status(500).send(err.message)
      res.json(JSON.parse(body));
    });
  },
  self: function () { return this.name; },
  args: function () {
    return arguments.length;
  },
};
