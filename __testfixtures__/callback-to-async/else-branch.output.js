const fs = require('fs');

module.exports = async function cleanup(tmpDir, log) {
  // `if (err) {…} else {…}`: the error branch gets a `return;` so the else code runs only on success.
  try {
    await fs.promises.rm(tmpDir, { recursive: true, force: true });
  } catch (err) {
    log.warn('cleanup failed', err);
    return;
  }
  log.info('removed ' + tmpDir);
};
