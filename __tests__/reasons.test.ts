import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportedReason, isDeclaredReason, metaProblems, RUNNER_REASONS } from '../src/reasons.js';
import { loadBuiltins } from '../src/registry.js';
import type { TransformMeta } from '../src/types.js';
import { repoRoot, runCli, tempDir, writeFiles } from './support/helpers.js';

const transformsDir = path.join(repoRoot, 'transforms');

/**
 * Declared reasons no fixture case asserts yet (empty: every declared reason is asserted). A path no input can reach
 * is an invariant that throws (the engine reports the file as failed and leaves it unchanged), not a reason.
 */
const NOT_YET_ASSERTED: string[] = [];

/** The source files of a built-in: its module, or every module of its folder. */
function sourcesOf(name: string): string[] {
  const dir = path.join(transformsDir, name);
  if (fs.existsSync(dir)) return fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  return [path.join(transformsDir, `${name}.ts`)];
}

const KEY = String.raw`'([a-z][a-z0-9_-]*)'`;
/** Where the built-ins name a reason key literally: report(…, 'key'), refusal/verdict constructors, `reason: 'key'`. */
const REPORTED = [
  // A report(…) call of at most three lines whose last argument is a literal key.
  new RegExp(String.raw`\breport\((?:(?!\breport\()[^\n]){0,400}?(?:\n(?:(?!\breport\()[^\n]){0,400}?){0,2},\s*${KEY}\s*\)\s*(?:;|$)`, 'gm'),
  new RegExp(String.raw`\b(?:Refuse|Unsafe|Bail|block|fail|problem)\(\s*${KEY}`, 'g'),
  new RegExp(String.raw`\breason\s*[:=]\s*${KEY}`, 'g'),
  new RegExp(String.raw`\breason\s*=[^;\n]*\?\s*${KEY}\s*:\s*(?:[^;\n]*\?\s*)?${KEY}`, 'g'),
  // block(info, 'key', …): the first literal after a subject without quotes.
  new RegExp(String.raw`\bblock\([^'\n]*?,\s*${KEY}`, 'g'),
  new RegExp(String.raw`\bblock\(\s*\w+\s*===\s*'[^']*'\s*\?\s*${KEY}\s*:\s*${KEY}`, 'g'),
];

function literalReasons(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').replace(/^ {2}reasons: \{[\s\S]*?^ {2}\},$/m, '');
    for (const re of REPORTED) {
      for (const m of text.matchAll(re)) {
        for (const key of m.slice(1)) if (key) found.set(key, `${path.relative(repoRoot, file)}:${text.slice(0, m.index).split('\n').length}`);
      }
    }
  }
  return found;
}

describe('declared reasons', async () => {
  const builtins = await loadBuiltins();

  it('every built-in has a well-formed meta with its reasons declared', () => {
    for (const t of builtins) {
      expect(metaProblems(t.meta), t.meta.name).toEqual([]);
      expect(Object.keys(t.meta.reasons ?? {}).length, `${t.meta.name} declares no reasons`).toBeGreaterThan(0);
    }
  });

  it('every reason key a built-in names in its source is declared in its meta.reasons', () => {
    const undeclared: string[] = [];
    for (const t of builtins) {
      for (const [key, where] of literalReasons(sourcesOf(t.meta.name))) {
        if (!isDeclaredReason(t.meta, key)) undeclared.push(`${t.meta.name}: ${key} (${where})`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('every declared reason is named somewhere in the transform (or the app model it reports from)', () => {
    const appModel = fs
      .readdirSync(path.join(repoRoot, 'src', 'app-model'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(repoRoot, 'src', 'app-model', f), 'utf8'))
      .join('\n');
    const stale: string[] = [];
    for (const t of builtins) {
      const text = sourcesOf(t.meta.name)
        .map((f) => fs.readFileSync(f, 'utf8').replace(/^ {2}reasons: \{[\s\S]*?^ {2}\},$/m, ''))
        .join('\n');
      for (const key of Object.keys(t.meta.reasons ?? {})) {
        if (!text.includes(`'${key}'`) && !appModel.includes(`'${key}'`)) stale.push(`${t.meta.name}: ${key}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it('every declared reason is asserted by a fixture case (reasons file or refusal text), apart from the named gaps', () => {
    const fixtureRoot = path.join(repoRoot, '__testfixtures__');
    const unasserted: string[] = [];
    for (const t of builtins) {
      const texts: string[] = [];
      const visit = (dir: string): void => {
        if (!fs.existsSync(dir)) return;
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory()) visit(file);
          else if (entry.name.endsWith('reasons.json') || entry.name === 'refuses.txt') texts.push(fs.readFileSync(file, 'utf8'));
        }
      };
      visit(path.join(fixtureRoot, t.meta.name));
      const asserted = new Set<string>();
      for (const text of texts) {
        if (text.trimStart().startsWith('[')) for (const key of JSON.parse(text) as string[]) asserted.add(key);
        else for (const key of Object.keys(t.meta.reasons ?? {})) if (text.includes(key)) asserted.add(key);
      }
      for (const key of Object.keys(t.meta.reasons ?? {})) if (!asserted.has(key)) unasserted.push(`${t.meta.name}: ${key}`);
    }
    // The list shrinks as fixtures are added (a reason that gains a fixture must leave it, so it cannot grow silently).
    expect(unasserted.sort()).toEqual([...NOT_YET_ASSERTED].sort());
  });

  it('the scan finds reasons that are not declared (it can fail)', () => {
    const dir = tempDir('remodel-reasons-');
    const file = path.join(dir, 'x.ts');
    fs.writeFileSync(file, "ctx.report(`kept; ${x}`, node, 'made-up-key');\nblock(infos.get(file)!, 'blocked-key', 'msg', 0);\nctx.report(f(a, 'not-a-reason'), node, 'third')\nthrow new Refuse('another-one', 'msg');\n");
    expect([...literalReasons([file]).keys()].sort()).toEqual(['another-one', 'blocked-key', 'made-up-key', 'third']);
  });

  it('an undeclared key throws under the test runner; runner reasons need no declaration', () => {
    const meta: Pick<TransformMeta, 'name' | 'reasons'> = { name: 'probe', reasons: { known: 'a known reason' } };
    expect(() => checkReportedReason(meta, 'known')).not.toThrow();
    expect(() => checkReportedReason(meta, 'target')).not.toThrow();
    expect(Object.keys(RUNNER_REASONS)).toContain('target');
    expect(() => checkReportedReason(meta, 'unknown')).toThrow(/reported reason "unknown", which its meta.reasons does not declare/);
  });

  it('a transform that declares no reasons at all (a quick third-party one) is not held to the contract', () => {
    expect(() => checkReportedReason({ name: 'quick' }, 'anything-goes')).not.toThrow();
  });

  it('in a real run an undeclared key is a warning; the finding is kept and the run succeeds', () => {
    const dir = tempDir('remodel-reasons-');
    writeFiles(dir, {
      'mark.mjs': [
        "export const meta = { name: 'mark', description: 'reports a spot', engine: 'file', reasons: { declared: 'a declared reason' } };",
        "export default function (ctx) { ctx.report('spot', 0, 'declared'); ctx.report('other spot', 0, 'not-declared'); }",
        '',
      ].join('\n'),
      'a.js': 'var a = 1;\n',
    });
    const res = runCli(['run', './mark.mjs', 'a.js', '--dry', '--json', '--no-cache', '--jobs', '1'], dir, { VITEST: '' });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('warning: transform mark reported reason "not-declared", which its meta.reasons does not declare');
    expect(JSON.parse(res.stdout).files[0].reports.map((r: { reason: string }) => r.reason)).toEqual(['declared', 'not-declared']);
  });

  it('remodel describe lists the reasons', () => {
    const res = runCli(['describe', 'no-var'], repoRoot);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Reasons[\s\S]*closure-in-loop\n\s+a closure in the loop captures it/);
  });
});
