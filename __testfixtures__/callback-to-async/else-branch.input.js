const fs = require('fs');

module.exports = async function cleanup(tmpDir, log) {
  // `if (err) {…} else {…}`: the error branch gets a `return;` so the else code runs only on success.
  fs.rm(tmpDir, { recursive: true, force: true }, (err) => {
    if (err) {
      log.warn('cleanup failed', err);
    } else {
      log.info('removed ' + tmpDir);
    }
  });
};
