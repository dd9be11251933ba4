const fs = require('fs');

// fs.exists' callback has no error parameter: there is no promise form with the same meaning.
async function ensureDir(dir, log) {
  fs.exists(dir, (exists) => {
    if (exists) return;
    log('missing ' + dir);
  });
}

module.exports = { ensureDir };
