const fs = require('fs');

// `fs` here is a parameter (an in-memory file system in tests), not the fs module.
async function readVia(fs, p, done) {
  fs.readFile(p, 'utf8', (err, text) => {
    if (err) throw err;
    done(text);
  });
}

module.exports = { readVia, fs };
