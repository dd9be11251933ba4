var app = require('./app');
var db = require('./db');

var port = process.env.PORT || 3000;

db.seed();

app.listen(port, function () {
  console.log('legacy-api listening on http://localhost:' + port);
});
