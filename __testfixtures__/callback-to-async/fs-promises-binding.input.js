const fsp = require('fs').promises;
const { readFile } = require('fs');

// A destructured readFile is reached through the file's fs/promises binding.
async function loadUsers(file, done) {
  readFile(file, 'utf8', function (err, raw) {
    if (err) {
      console.error('cannot read users', err.message);
      done(err);
      return;
    }
    done(null, JSON.parse(raw));
  });
}

module.exports = { loadUsers, fsp };
