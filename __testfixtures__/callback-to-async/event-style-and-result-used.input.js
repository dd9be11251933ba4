const fs = require('fs');
const cp = require('child_process');

async function watchAndBuild(dir, log) {
  // A listener runs many times: not a callback to await.
  fs.watch(dir, (event, file) => {
    log(event, file);
  });
}

async function runWithTimeout(cmd, log) {
  // exec's ChildProcess is used too: the call must stay.
  const child = cp.exec(cmd, (err, stdout) => {
    if (err) return log(err);
    log(stdout);
  });
  setTimeout(() => child.kill(), 1000);
}

module.exports = { watchAndBuild, runWithTimeout };
