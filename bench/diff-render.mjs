#!/usr/bin/env node
// Diff rendering on files with very many edits: the `--dry`/`--patch`/PR-body renderer (src/sinks/unified.ts, from
// dist/) against the renderer it replaced (the `diff` package's structuredPatch: Myers over the whole file, O(N·D)),
// copied below as the baseline and timed in the same run. Each input is a module of `var` declarations interleaved
// with unchanged lines (unique `use(vN)` lines and repeated `f();` lines), where every `var` becomes `const`.
// The baseline runs in a worker thread and is stopped after --limit seconds (it does not finish 20k edits in
// minutes). Each output is also checked: applying the new hunks to the old text gives the new text.
//
//   npm run build && node bench/diff-render.mjs [--sizes 1000,10000,20000] [--limit 120]
import { structuredPatch, applyPatch } from 'diff';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The old renderer's core, as it was before issue 12 (structuredPatch over the whole texts). */
function oldHunks(before, after, context = 3) {
  const patch = structuredPatch('x', 'x', before, after, '', '', { context });
  const hunks = [];
  for (const h of patch.hunks) {
    const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
    const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
    hunks.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`);
    hunks.push(...h.lines);
  }
  return hunks;
}

function input(edits) {
  const before = [];
  const after = [];
  for (let i = 0; i < edits; i++) {
    const other = i % 3 ? `use(v${i});` : 'f();';
    before.push(`var v${i} = ${i};`, other);
    after.push(`const v${i} = ${i};`, other);
  }
  return { before: before.join('\n') + '\nexport {};\n', after: after.join('\n') + '\nexport {};\n' };
}

if (!isMainThread) {
  const { before, after } = input(workerData.edits);
  const started = performance.now();
  const hunks = oldHunks(before, after);
  parentPort.postMessage({ ms: performance.now() - started, lines: hunks.length });
} else {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  const sizes = arg('sizes', '1000,10000,20000').split(',').map(Number);
  const limitMs = Number(arg('limit', '120')) * 1000;
  const { unifiedDiff } = await import(pathToFileURL(path.join(here, '..', 'dist', 'src', 'sinks', 'unified.js')).href);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

  const baseline = (edits) =>
    new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { edits } });
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve({ ms: Infinity });
      }, limitMs);
      worker.once('message', (m) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(m);
      });
    });

  console.log('| edits | lines | new renderer | hunk lines | old renderer (structuredPatch) | ratio | new hunks apply |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const edits of sizes) {
    const { before, after } = input(edits);
    const started = performance.now();
    const { hunks } = unifiedDiff({ absPath: '/x.js', path: 'x.js', status: 'changed', before, after }, 'x.js');
    const ms = performance.now() - started;
    const patch = `--- a/x.js\n+++ b/x.js\n${hunks.map((h) => h + '\n').join('')}`;
    const applies = applyPatch(before, patch) === after;
    const old = await baseline(edits);
    const oldText = old.ms === Infinity ? `> ${s(limitMs)} (stopped)` : s(old.ms);
    const ratio = old.ms === Infinity ? `> ${Math.round(limitMs / ms)}×` : `${(old.ms / ms).toFixed(0)}×`;
    console.log(`| ${edits} | ${before.split('\n').length - 1} | ${s(ms)} | ${hunks.length} | ${oldText} | ${ratio} | ${applies ? 'yes' : 'NO'} |`);
  }
}
