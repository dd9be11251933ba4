#!/usr/bin/env node
// Differential check of extract-service (and the layered recipe): the original app and the rewritten app answer
// every case of cases/<app>.json, each with the data layer answering normally, then "not found" (null) and then a
// failure for every data function the request called. Status, headers (all but date/connection), body and the data
// calls made (names and arguments, in order) must be identical. Exit 1 on any difference.
//
//   npm run build && node bench/differential/run.mjs [extract-service|layered ...] [--app legacy-api|legacy-api-ts]
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const argv = process.argv.slice(2);
const transforms = argv.filter((a) => !a.startsWith('--') && !argv[argv.indexOf(a) - 1]?.startsWith('--app'));
const apps = argv.flatMap((a, i) => (argv[i - 1] === '--app' ? [a] : []));
const EXAMPLES = [
  { name: 'legacy-api', dir: path.join(repo, 'examples', 'legacy-api'), cases: 'legacy-api.json', ts: false },
  { name: 'legacy-api-ts', dir: path.join(repo, 'examples', 'legacy-api-ts'), cases: 'legacy-api.json', ts: true },
];
const scratch = path.join(repo, `.tmp-differential-${crypto.randomBytes(3).toString('hex')}`);
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

function copy(src, dest) {
  fs.cpSync(src, dest, { recursive: true, filter: (p) => !/[\\/](node_modules|dist)$/.test(p) });
  fs.writeFileSync(path.join(dest, '.gitignore'), 'node_modules\ndist/\n');
  sh('git', ['init', '-q', '-b', 'main'], dest);
  sh('git', ['-c', 'user.email=d@example.com', '-c', 'user.name=d', 'commit', '-qm', 'app', '--allow-empty'], dest);
  sh('git', ['add', '-A'], dest);
  sh('git', ['-c', 'user.email=d@example.com', '-c', 'user.name=d', 'commit', '-qm', 'app'], dest);
}

function probe(dir, ex) {
  const spec = JSON.parse(fs.readFileSync(path.join(here, 'cases', ex.cases), 'utf8'));
  let root = dir;
  if (ex.ts) {
    sh(process.execPath, [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir);
    root = path.join(dir, 'dist');
  }
  const out = sh(process.execPath, [path.join(here, 'probe.cjs'), path.join(root, spec.app), path.join(root, spec.data), path.join(here, 'cases', ex.cases)], dir);
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

let differences = 0;
const rows = [];
try {
  for (const ex of EXAMPLES.filter((e) => !apps.length || apps.includes(e.name))) {
    for (const transform of transforms.length ? transforms : ['extract-service', 'layered']) {
      const base = path.join(scratch, `${ex.name}-${transform}`);
      const orig = path.join(base, 'original');
      const rewritten = path.join(base, 'rewritten');
      copy(ex.dir, orig);
      copy(ex.dir, rewritten);
      const t0 = Date.now();
      sh(process.execPath, [path.join(repo, 'bin', 'remodel.js'), 'run', transform, '.'], rewritten);
      const changed = sh('git', ['status', '--porcelain'], rewritten).trim().split('\n').filter(Boolean).length;
      const a = probe(orig, ex);
      const b = probe(rewritten, ex);
      let diff = 0;
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = JSON.stringify(a[i]);
        const y = JSON.stringify(b[i]);
        if (x !== y) {
          diff++;
          if (diff <= 5) console.log(`DIFF ${ex.name} ${transform}\n  original:  ${x}\n  rewritten: ${y}`);
        }
      }
      differences += diff;
      rows.push({ app: ex.name, transform, filesChanged: changed, exchanges: a.length, differences: diff, ms: Date.now() - t0 });
    }
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.table(rows);
process.exit(differences ? 1 : 0);
