import fs from 'fs';

// Both levels become awaits in one run.
export async function sizeAndHead(file, report) {
  let stats;
  try {
    stats = await fs.promises.stat(file);
  } catch (err) {
    report(err);
    return;
  }
  let text;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err2) {
    report(err2);
    return;
  }
  report(null, { size: stats.size, head: text.slice(0, 80) });
}
