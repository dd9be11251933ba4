import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformText, type FileOutcome } from './engine/file-engine.js';
import { discoverFixtureCases, readTree, type FixtureCase } from './fixtures.js';
import { relativePosix } from './paths.js';
import { resolveOptions } from './options.js';
import { parseSource, parserFor } from './parse.js';
import { normalize } from './registry.js';
import type { LoadedTransform, Report } from './types.js';
import { isDeclaredReason, metaProblems, undeclaredReasonMessage } from './reasons.js';
import { programErrors } from './testing-diagnostics.js';

export interface FixtureTestOptions {
  /** Folder holding `<case>.input.<ext>` files; default `__testfixtures__/<meta.name>` under the working directory. */
  fixturesDir?: string;
  /** Options for every case (a case's `<case>.options.json` adds to them). */
  options?: Record<string, unknown>;
}

/** Accepts a transform module namespace (`import * as t from ...`) or an already loaded transform. */
function asLoaded(transform: LoadedTransform | Record<string, unknown>, name?: string): LoadedTransform {
  if ((transform as LoadedTransform).kind === 'remodel' || (transform as LoadedTransform).kind === 'jscodeshift') {
    return transform as LoadedTransform;
  }
  return normalize(transform as Record<string, unknown>, name ?? 'transform');
}

async function runCase(t: LoadedTransform, file: string, source: string, options: Record<string, unknown>): Promise<FileOutcome> {
  return transformText(t, path.resolve(file), file, source, {
    cwd: process.cwd(),
    parser: 'auto',
    format: 'none',
    transformOptions: resolveOptions(t, options),
    dry: true,
  });
}

/** The reason keys of some findings, sorted (one entry per finding). */
function reasonKeys(reports: Array<Report[] | undefined>): string[] {
  return reports.flatMap((list) => (list ?? []).map((r) => r.reason).filter((r): r is string => Boolean(r))).sort();
}

/**
 * Every reported reason must be declared in `meta.reasons`; with a reasons file the keys must equal it.
 * `UPDATE_REASONS=1` (or `UPDATE_FIXTURES=1` for a file that exists) writes the file from the current behaviour.
 */
function checkReasons(t: LoadedTransform, reported: string[], reasonsPath: string | undefined, defaultPath: string): void {
  const undeclared = [...new Set(reported.filter((r) => !isDeclaredReason(t.meta, r)))];
  expect(undeclared.map((r) => undeclaredReasonMessage(t.meta, r))).toEqual([]);
  if (process.env.UPDATE_REASONS === '1' || (reasonsPath && process.env.UPDATE_FIXTURES === '1')) {
    fs.writeFileSync(reasonsPath ?? defaultPath, JSON.stringify(reported, null, 2) + '\n');
  } else if (reasonsPath) {
    expect(reported, `reasons reported (${path.basename(reasonsPath)})`).toEqual(JSON.parse(fs.readFileSync(reasonsPath, 'utf8')));
  }
}

function checkMeta(t: LoadedTransform): void {
  it('declares a well-formed meta', () => {
    expect(metaProblems(t.meta)).toEqual([]);
  });
}

function describeFailure(outcome: FileOutcome): string {
  const e = outcome.error;
  return e ? `${outcome.path}${e.line ? `:${e.line}:${e.column}` : ''} ${e.message}` : '';
}

/**
 * Registers one vitest test per fixture case. Each case asserts the exact output (no trimming), that the output
 * parses, and that a second run over the output changes nothing. A case without `.output` must stay unchanged.
 * Every reason the case reports must be declared in `meta.reasons`, and equal `<case>.reasons.json` when there is
 * one; `meta` itself must be well formed. `UPDATE_FIXTURES=1` rewrites the `.output` files (and existing reasons
 * files) from the current behaviour instead of asserting them; `UPDATE_REASONS=1` writes every case's reasons file.
 */
export function defineFixtureTests(
  transform: LoadedTransform | Record<string, unknown>,
  options: FixtureTestOptions = {},
): FixtureCase[] {
  const t = asLoaded(transform, options.fixturesDir ? path.basename(options.fixturesDir) : undefined);
  const dir = options.fixturesDir ?? path.join(process.cwd(), '__testfixtures__', t.meta.name);
  const cases = discoverFixtureCases(dir);
  const update = process.env.UPDATE_FIXTURES === '1';
  describe(`fixtures: ${t.meta.name}`, () => {
    it('has fixture cases', () => {
      expect(cases.length, `no fixture cases in ${dir}`).toBeGreaterThan(0);
    });
    checkMeta(t);
    for (const c of cases) {
      it(c.name, async () => {
        const input = fs.readFileSync(c.inputPath, 'utf8');
        const caseOptions = { ...options.options, ...c.options };
        const first = await runCase(t, c.inputPath, input, caseOptions);
        expect(first.status, describeFailure(first)).not.toBe('error');
        checkReasons(t, reasonKeys([first.reports]), c.reasonsPath, path.join(dir, `${c.name}.reasons.json`));
        const actual = first.status === 'changed' ? (first.after as string) : input;
        if (update) {
          const outPath = c.outputPath ?? c.inputPath.replace('.input.', '.output.');
          if (actual !== input) fs.writeFileSync(outPath, actual);
          else if (c.outputPath) fs.rmSync(c.outputPath);
        } else if (c.outputPath) {
          expect(actual).toBe(fs.readFileSync(c.outputPath, 'utf8'));
        } else {
          expect(first.status, 'this case must stay unchanged').not.toBe('changed');
        }
        // The output must still be valid code for the same parser.
        expect(() => parseSource(actual.replace(/^\uFEFF/, ''), parserFor(c.inputPath, 'auto'))).not.toThrow();
        // Idempotence: running again over the output changes nothing.
        const second = await runCase(t, c.inputPath, actual, caseOptions);
        expect(second.status, describeFailure(second)).not.toBe('error');
        expect(second.status === 'changed' ? second.after : actual, 'a second run must change nothing').toBe(actual);
      });
    }
  });
  return cases;
}

export interface ProjectFixtureCase {
  name: string;
  dir: string;
  /** Absent when the project must stay unchanged. */
  outputDir?: string;
  options: Record<string, unknown>;
  /** Text the refusal reason must contain (`refuses.txt`), for cases the transform must turn down. */
  refuses?: string;
  /** `reasons.json`: the reason keys the case must report over all files (sorted), if present. */
  reasonsPath?: string;
}

/** `<dir>/<case>/input/**`, optional `<case>/output/**`, `<case>/options.json`, `<case>/refuses.txt`, `<case>/reasons.json`. */
export function discoverProjectFixtureCases(dir: string): ProjectFixtureCase[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'input')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const caseDir = path.join(dir, name);
      const read = (f: string) => (fs.existsSync(path.join(caseDir, f)) ? fs.readFileSync(path.join(caseDir, f), 'utf8') : undefined);
      const options = read('options.json');
      const refuses = read('refuses.txt')?.trim();
      return {
        name,
        dir: caseDir,
        ...(fs.existsSync(path.join(caseDir, 'output')) ? { outputDir: path.join(caseDir, 'output') } : {}),
        options: options ? JSON.parse(options) : {},
        ...(refuses ? { refuses } : {}),
        ...(fs.existsSync(path.join(caseDir, 'reasons.json')) ? { reasonsPath: path.join(caseDir, 'reasons.json') } : {}),
      };
    });
}

function writeTree(root: string, tree: Map<string, string>): void {
  for (const [rel, text] of tree) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
}

/**
 * The program of a folder loaded as a run loads it, with its whole-program type errors (as `tsc` lists them). The
 * loaded project is then handed to the case's run (see `sessionWithProject`), which reuses it and the diagnostics
 * already computed instead of loading and checking the same files again.
 */
async function loadCase(root: string, checkTypes: boolean) {
  const { loadProject } = await import('./engine/project-engine.js');
  const { discoverFiles } = await import('./discover.js');
  const files = await discoverFiles({ cwd: root, paths: ['.'] });
  const project = loadProject(root, files);
  const errors = checkTypes ? programErrors(project.getProgram().compilerObject) : [];
  return { files, project, errors };
}

async function runProjectCase(t: LoadedTransform, root: string, options: Record<string, unknown>, loaded: Awaited<ReturnType<typeof loadCase>>, verify: boolean) {
  const { runProjectTransform, sessionWithProject } = await import('./engine/project-engine.js');
  return runProjectTransform(t, t.meta.name, {
    cwd: root,
    files: loaded.files,
    transformOptions: resolveOptions(t, options),
    parser: 'auto',
    format: 'none',
    verify,
    session: sessionWithProject(loaded.project, root, loaded.files),
  });
}

/** The tree after a change set, as text by relative path. */
function applyInMemory(tree: Map<string, string>, root: string, changeSet: import('./changeset.js').ChangeSet): Map<string, string> {
  const out = new Map(tree);
  for (const f of changeSet.files) {
    if (f.status !== 'changed') continue;
    const rel = (abs: string) => relativePosix(root, abs);
    if (f.renamedFrom) out.delete(rel(f.renamedFrom));
    if (f.deleted || f.after === null) out.delete(rel(f.absPath));
    else out.set(rel(f.absPath), f.after as string);
  }
  return out;
}

/**
 * Registers one vitest test per multi-file case of a project transform. Each case runs on a copy of `input/` and
 * asserts the whole resulting tree equals `output/` (created and deleted files included; no `output/` means
 * nothing may change), that every output file parses, that a second run changes nothing, that verification found
 * no new type errors, and that the output type-checks whenever the input did. `UPDATE_FIXTURES=1` rewrites `output/`.
 */
export function defineProjectFixtureTests(
  transform: LoadedTransform | Record<string, unknown>,
  options: { fixturesDir?: string } = {},
): ProjectFixtureCase[] {
  const t = asLoaded(transform);
  const dir = options.fixturesDir ?? path.join(process.cwd(), '__testfixtures__', t.meta.name);
  const cases = discoverProjectFixtureCases(dir);
  const update = process.env.UPDATE_FIXTURES === '1';
  describe(`project fixtures: ${t.meta.name}`, () => {
    it('has fixture cases', () => {
      expect(cases.length, `no fixture cases in ${dir}`).toBeGreaterThan(0);
    });
    checkMeta(t);
    for (const c of cases) {
      it(c.name, async () => {
        const input = readTree(path.join(c.dir, 'input'));
        const root = fs.mkdtempSync(path.join(os.tmpdir(), `remodel-fixture-${t.meta.name}-`));
        writeTree(root, input);
        // The input's type errors are needed unless the case must be refused (or outputs are being rewritten).
        const inputLoad = await loadCase(root, !c.refuses && !update);
        const first = await runProjectCase(t, root, c.options, inputLoad, true);
        const errors = first.files.filter((f) => f.status === 'error');
        expect(errors.map((f) => f.error?.message)).toEqual([]);
        checkReasons(t, reasonKeys(first.files.map((f) => f.reports)), c.reasonsPath, path.join(c.dir, 'reasons.json'));
        if (c.refuses) {
          expect(first.refusal, 'the transform must refuse this case').toContain(c.refuses);
          return;
        }
        expect(first.refusal, 'unexpected refusal').toBeUndefined();
        expect(first.newDiagnostics ?? [], 'the change must not introduce type errors').toEqual([]);
        const result = applyInMemory(input, root, first);
        if (update) {
          const outDir = path.join(c.dir, 'output');
          fs.rmSync(outDir, { recursive: true, force: true });
          if (first.files.some((f) => f.status === 'changed')) writeTree(outDir, result);
          return;
        }
        const expected = c.outputDir ? readTree(c.outputDir) : input;
        expect(Object.fromEntries([...result].sort())).toEqual(Object.fromEntries([...expected].sort()));
        for (const [rel, text] of result) {
          if (/\.[cm]?[jt]sx?$/.test(rel)) expect(() => parseSource(text, parserFor(rel, 'auto')), rel).not.toThrow();
        }
        // Apply for real, then: type-checks if the input did, and a second run changes nothing. The second run
        // needs no verification: any file it changes fails the case whatever the type checker says.
        fs.rmSync(root, { recursive: true });
        fs.mkdirSync(root);
        writeTree(root, result);
        const outputLoad = await loadCase(root, inputLoad.errors.length === 0);
        if (inputLoad.errors.length === 0) expect(outputLoad.errors).toEqual([]);
        const second = await runProjectCase(t, root, c.options, outputLoad, false);
        expect(second.files.filter((f) => f.status === 'changed').map((f) => f.path), 'a second run must change nothing').toEqual([]);
      });
    }
  });
  return cases;
}
export { defineAppModelFixtureTests, appModelJsonOf } from './app-model/testing.js';
