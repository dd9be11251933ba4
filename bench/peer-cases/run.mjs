#!/usr/bin/env node
// Runs remodel's transforms over the cases of peers' public rule tests and measures, per suite:
//   - kept:      cases the peer leaves unchanged (valid, or invalid with `output: null`) that remodel changed
//                (must be 0: a peer's "unsafe to fix" is a behaviour change remodel must not make either);
//   - converted: cases the peer rewrites: remodel's output is the same, different (listed for review), or remodel
//                leaves the code alone (listed with the reported reason, which names the risk).
// The peers' test files are not part of this repository and nothing is downloaded here: pass a folder holding
// copies of them (eslint tests/lib/rules/{no-var,prefer-template,object-shorthand,prefer-arrow-callback}.js as
// eslint-<rule>.js, eslint-plugin-unicorn test/prefer-includes.js as unicorn-prefer-includes.js).
//
//   npm run build && node bench/peer-cases/run.mjs /path/to/peer-tests [--json out.json] [--verbose]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { transformText } = await import(path.join(root, 'dist/src/engine/file-engine.js'));
const { loadTransform } = await import(path.join(root, 'dist/src/registry.js'));
const { resolveOptions } = await import(path.join(root, 'dist/src/options.js'));
const { parseSource } = await import(path.join(root, 'dist/src/parse.js'));

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/peer-cases/run.mjs <folder with peer test files> [--json out.json] [--verbose]');
  process.exit(2);
}
const verbose = rest.includes('--verbose');
const jsonOut = rest.includes('--json') ? rest[rest.indexOf('--json') + 1] : undefined;

const SUITES = [
  // ESLint's no-var always writes let; compare with remodel's let-only mode.
  { file: 'eslint-no-var.js', transform: 'no-var', format: 'eslint', options: { preferConst: false } },
  { file: 'eslint-prefer-template.js', transform: 'template-literals', format: 'eslint' },
  { file: 'eslint-object-shorthand.js', transform: 'object-shorthand', format: 'eslint' },
  { file: 'eslint-prefer-arrow-callback.js', transform: 'arrow-callbacks', format: 'eslint' },
  { file: 'unicorn-prefer-includes.js', transform: 'includes', format: 'unicorn' },
];

/** The `valid`/`invalid` lists a RuleTester-style test file declares, read by running it with stand-ins. */
function loadCases(file, format) {
  const runs = [];
  const collect = (spec, defaults = {}) => runs.push({ spec, defaults });
  if (format === 'eslint') {
    class RuleTester {
      constructor(config = {}) {
        this.defaults = config.languageOptions ?? {};
      }
      run(_name, _rule, spec) {
        collect(spec, this.defaults);
      }
    }
    const dedent = (strings, ...values) => {
      const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? values[i] : ''), '');
      const lines = raw.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^\s*/)[0].length));
      return lines.map((l) => l.slice(indent)).join('\n');
    };
    const fakeRequire = (id) =>
      id.includes('rule-tester') ? RuleTester : id.includes('_utils') ? Object.assign(dedent, { unIndent: dedent }) : id.includes('parser') ? { parse() {} } : {};
    const sandbox = { require: fakeRequire, module: { exports: {} }, console };
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  } else {
    // ESM test file of eslint-plugin-unicorn: imports replaced by stand-ins.
    let text = fs.readFileSync(file, 'utf8').replace(/^import[^;]*;$/gm, '').replace(/import\.meta/g, '({})');
    const outdent = (strings, ...values) => {
      const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? values[i] : ''), '');
      const lines = raw.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^\s*/)[0].length));
      return lines.map((l) => l.slice(indent)).join('\n');
    };
    const test = (spec) => collect(spec);
    test.snapshot = (spec) => collect(spec);
    test.typescript = (spec) => collect(spec);
    const sandbox = {
      outdent,
      getTester: () => ({ test }),
      parsers: { vue: 'vue', typescript: 'typescript' },
      typescriptEslintParser: 'typescript',
      tests: () => ({ valid: [], invalid: [] }),
      console,
    };
    vm.runInNewContext(text, sandbox, { filename: file });
  }
  const cases = [];
  for (const { spec, defaults } of runs) {
    if (!spec) continue;
    for (const [kind, list] of [['valid', spec.valid ?? []], ['invalid', spec.invalid ?? []]]) {
      for (const item of list) {
        const c = typeof item === 'string' ? { code: item } : item;
        if (typeof c.code !== 'string') continue;
        // A case with rule options tests another style (\`never\`, \`consistent\`…), not the default rewrite.
        if (c.options && c.options.length) continue;
        const lang = { ...defaults, ...(c.languageOptions ?? {}) };
        const parserName = typeof lang.parser === 'string' ? lang.parser : lang.parser ? 'other' : undefined;
        if (parserName === 'vue' || c.code.trimStart().startsWith('<')) continue; // Vue templates: not JS files
        const ts = parserName === 'typescript' || parserName === 'other' || /\.tsx?$/.test(c.filename ?? '');
        const globalReturn = Boolean(lang.parserOptions?.ecmaFeatures?.globalReturn);
        const sourceType = lang.sourceType ?? (format === 'eslint' ? 'module' : 'module');
        const ext = ts ? 'ts' : sourceType === 'module' ? 'mjs' : globalReturn || sourceType === 'commonjs' ? 'cjs' : 'js';
        const output = kind === 'valid' ? c.code : 'output' in c ? (c.output === null ? c.code : c.output) : undefined;
        cases.push({ kind, code: c.code, output, options: c.options, ext });
      }
    }
  }
  return cases;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-peers-'));
fs.writeFileSync(path.join(work, 'package.json'), '{ "private": true }\n');

const results = [];
for (const suite of SUITES) {
  const file = path.join(dir, suite.file);
  if (!fs.existsSync(file)) {
    console.log(`${suite.file}: not found, skipped`);
    continue;
  }
  const transform = await loadTransform({ kind: 'builtin', name: suite.transform });
  const cases = loadCases(file, suite.format);
  const r = { suite: suite.file, transform: suite.transform, cases: cases.length, keptByPeer: 0, keptChanged: [], convertedByPeer: 0, same: 0, different: [], leftAlone: [], unknownOutput: 0, unknownConverted: 0, unknownLeftAlone: [], parseErrors: 0, remodelErrors: 0 };
  for (const [i, c] of cases.entries()) {
    const abs = path.join(work, `case-${suite.transform}-${i}.${c.ext}`);
    let out;
    try {
      out = await transformText(transform, abs, abs, c.code, { cwd: work, parser: 'auto', format: 'none', transformOptions: resolveOptions(transform, suite.options ?? {}), dry: true });
    } catch (err) {
      r.remodelErrors++;
      continue;
    }
    if (out.status === 'error') {
      // Code the peer's parser accepts but remodel's does not (or invalid on purpose): nothing was changed.
      r.parseErrors++;
      r.notParsed = [...(r.notParsed ?? []), { code: c.code, error: out.error?.message }];
      continue;
    }
    const after = out.status === 'changed' ? out.after : c.code;
    const reasons = [...new Set((out.reports ?? []).map((x) => x.reason ?? x.message))];
    if (after !== c.code) parseSource(after, c.ext === 'ts' ? 'ts' : 'babel'); // remodel's outputs always parse
    if (c.output === undefined) {
      r.unknownOutput++;
      if (after !== c.code) r.unknownConverted++;
      else r.unknownLeftAlone.push({ code: c.code, reasons });
    } else if (c.output === c.code) {
      r.keptByPeer++;
      if (after !== c.code) r.keptChanged.push({ code: c.code, remodel: after });
    } else {
      r.convertedByPeer++;
      // ESLint's prefer-template keeps the spaces around operands inside ${ }: the same program.
      if (after === c.output || (after.replace(/\s+/g, '') === c.output.replace(/\s+/g, '') && after !== c.code)) r.same++;
      else if (after !== c.code) r.different.push({ code: c.code, peer: c.output, remodel: after });
      else r.leftAlone.push({ code: c.code, peer: c.output, reasons });
    }
  }
  results.push(r);
  console.log(
    `${suite.file} → ${suite.transform}: ${r.cases} cases; peer keeps ${r.keptByPeer}, remodel changed ${r.keptChanged.length} of them; ` +
      `peer converts ${r.convertedByPeer}: same ${r.same}, different ${r.different.length}, left alone ${r.leftAlone.length}` +
      (r.unknownOutput ? `; peer flags ${r.unknownOutput} without a recorded output: remodel converts ${r.unknownConverted}` : '') +
      (r.parseErrors ? `; ${r.parseErrors} not parsed by remodel` : ''),
  );
  if (verbose) {
    for (const k of r.keptChanged) console.log(`  KEPT-BUT-CHANGED ${JSON.stringify(k.code)} → ${JSON.stringify(k.remodel)}`);
    for (const d of r.different) console.log(`  DIFFERENT ${JSON.stringify(d.code)}\n    peer:    ${JSON.stringify(d.peer)}\n    remodel: ${JSON.stringify(d.remodel)}`);
    for (const l of r.leftAlone) console.log(`  LEFT-ALONE [${l.reasons.join(', ') || 'no reason'}] ${JSON.stringify(l.code)}`);
    for (const l of r.unknownLeftAlone) console.log(`  LEFT-ALONE* [${l.reasons.join(', ') || 'no reason'}] ${JSON.stringify(l.code)}`);
    for (const n of r.notParsed ?? []) console.log(`  NOT-PARSED ${JSON.stringify(n.code)}: ${n.error}`);
  }
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
fs.rmSync(work, { recursive: true, force: true });
