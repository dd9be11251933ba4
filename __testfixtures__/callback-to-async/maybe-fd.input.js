const fs = require('fs');

// A file descriptor: fs.promises.readFile wants a FileHandle there.
async function readOpened(fd, out) {
  fs.readFile(fd, 'utf8', (err, text) => {
    if (err) throw err;
    out(text);
  });
}

module.exports = { readOpened };
