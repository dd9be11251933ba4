import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransformExample } from './types.js';
import { relativePosix } from './paths.js';

export const FIXTURE_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];

export interface FixtureCase {
  name: string;
  inputPath: string;
  /** Absent when the case must stay unchanged. */
  outputPath?: string;
  /** Options from `<case>.options.json`, if present. */
  options?: Record<string, unknown>;
  /** `<case>.reasons.json`: the reason keys the case must report (sorted, one entry per finding), if present. */
  reasonsPath?: string;
}

/** The folder of this package (holding package.json), from src/ or dist/src/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('remodel package root not found');
    dir = parent;
  }
  return dir;
}

/** `<dir>/<case>.input.<ext>` with optional `<case>.output.<ext>`, `<case>.options.json` and `<case>.reasons.json`. */
export function discoverFixtureCases(dir: string): FixtureCase[] {
  if (!fs.existsSync(dir)) return [];
  const cases: FixtureCase[] = [];
  for (const entry of fs.readdirSync(dir).sort()) {
    const m = /^(.*)\.input\.([a-z]+)$/.exec(entry);
    if (!m || !FIXTURE_EXTENSIONS.includes(m[2])) continue;
    const [, name, ext] = m;
    const outputPath = path.join(dir, `${name}.output.${ext}`);
    const optionsPath = path.join(dir, `${name}.options.json`);
    const reasonsPath = path.join(dir, `${name}.reasons.json`);
    cases.push({
      name,
      inputPath: path.join(dir, entry),
      ...(fs.existsSync(outputPath) ? { outputPath } : {}),
      ...(fs.existsSync(optionsPath) ? { options: JSON.parse(fs.readFileSync(optionsPath, 'utf8')) } : {}),
      ...(fs.existsSync(reasonsPath) ? { reasonsPath } : {}),
    });
  }
  return cases;
}

/**
 * The published package holds no fixtures: `npm pack` stores each built-in's example (as found from the fixtures)
 * in this file, which `describe` reads when the fixture folder is absent.
 */
export const PACKED_EXAMPLES = 'dist/describe-examples.json';

function packedExample(transformName: string): TransformExample | undefined {
  const file = path.join(packageRoot(), PACKED_EXAMPLES);
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, TransformExample>)[transformName];
}

/** The shortest fixture case that changes something, as a before/after example for `describe`. */
export function findFixtureExample(transformName: string): TransformExample | undefined {
  if (!fs.existsSync(path.join(packageRoot(), '__testfixtures__', transformName))) return packedExample(transformName);
  const cases = discoverFixtureCases(path.join(packageRoot(), '__testfixtures__', transformName)).filter((c) => c.outputPath && !c.options);
  const withText = cases.map((c) => ({
    c,
    before: fs.readFileSync(c.inputPath, 'utf8'),
    after: fs.readFileSync(c.outputPath!, 'utf8'),
  }));
  withText.sort((a, b) => a.before.length - b.before.length);
  // Byte-order marks and CRLF make poor reading on a terminal; those cases test the engine, not the idea.
  const readable = withText.filter((x) => !/[\uFEFF\r]/.test(x.before));
  if (readable.length) withText.splice(0, withText.length, ...readable);
  const best = withText.find((x) => x.before.length > 40) ?? withText[0];
  return best ? { title: best.c.name, before: best.before, after: best.after } : undefined;
}

/** Every file under `root` as text, by forward-slash relative path. */
export function readTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out.set(relativePosix(root, abs), fs.readFileSync(abs, 'utf8'));
    }
  };
  visit(root);
  return out;
}

/**
 * For project transforms: the smallest multi-file case with an output tree, shown as the files it changes
 * (`// path` headers; created files appear only after, deleted ones only before).
 */
export function findProjectFixtureExample(transformName: string): TransformExample | undefined {
  const dir = path.join(packageRoot(), '__testfixtures__', transformName);
  if (!fs.existsSync(dir)) return packedExample(transformName);
  const candidates = fs
    .readdirSync(dir)
    .filter((c) => fs.existsSync(path.join(dir, c, 'output')))
    .map((c) => {
      const input = readTree(path.join(dir, c, 'input'));
      const output = readTree(path.join(dir, c, 'output'));
      const changed = [...new Set([...input.keys(), ...output.keys()])].filter((f) => input.get(f) !== output.get(f)).sort();
      const show = (tree: Map<string, string>) => changed.filter((f) => tree.has(f)).map((f) => `// ${f}\n${tree.get(f)}`).join('\n');
      const options = fs.existsSync(path.join(dir, c, 'options.json')) ? JSON.parse(fs.readFileSync(path.join(dir, c, 'options.json'), 'utf8')) : undefined;
      return { title: c, before: show(input), after: show(output), options };
    })
    .sort((a, b) => a.before.length + a.after.length - (b.before.length + b.after.length));
  return candidates[0];
}
