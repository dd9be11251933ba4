const fs = require('fs');

// `return cb(err)` would become the async function's resolved value.
async function stat(p, cb) {
  fs.stat(p, (err, st) => {
    if (err) return cb(err);
    cb(null, st.size);
  });
}

module.exports = { stat };
