import app from './app';
import * as db from './db';

var port = process.env.PORT || 3000;

db.seed();

app.listen(port, function () {
  console.log('legacy-api-ts listening on http://localhost:' + port);
});
