import fs from 'fs';

// Both levels become awaits in one run.
export async function sizeAndHead(file, report) {
  fs.stat(file, (err, stats) => {
    if (err) {
      report(err);
      return;
    }
    fs.readFile(file, 'utf8', (err2, text) => {
      if (err2) {
        report(err2);
        return;
      }
      report(null, { size: stats.size, head: text.slice(0, 80) });
    });
  });
}
