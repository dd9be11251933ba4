var express = require('express');
var db = require('./db');

var router = express.Router();

// The logic uses the router module's router itself (router-dependency).
router.get('/routes', async function (req, res) {
  var verbose = req.query.verbose === '1';
  var users = await db.all();
  var paths = router.stack.map(function (layer) { return layer.route.path; });
  res.json({ routes: paths, users: verbose ? users : users.length });
});

var app = express();
app.use('/api', router);
module.exports = app;
