const fsp = require('fs').promises;
const { readFile } = require('fs');

// A destructured readFile is reached through the file's fs/promises binding.
async function loadUsers(file, done) {
  let raw;
  try {
    raw = await fsp.readFile(file, 'utf8');
  } catch (err) {
    console.error('cannot read users', err.message);
    done(err);
    return;
  }
  done(null, JSON.parse(raw));
}

module.exports = { loadUsers, fsp };
