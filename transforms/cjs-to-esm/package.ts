import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProjectTransformContext } from '../../src/engine/project-engine.js';
import { discoverFiles } from '../../src/discover.js';
import { toPosix } from '../../src/paths.js';
import type { Info, Options } from './types.js';
import { CJS_MARKERS } from './analyze.js';
import { eolOf } from '../../src/text/lines.js';

export function readJson(file: string): Record<string, any> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function nearestPackageJson(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

export function packageRootOf(file: string): string | undefined {
  const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(toPosix(file));
  return m ? m[1] : undefined;
}

export function formatOf(file: string): 'esm' | 'cjs' {
  if (file.endsWith('.mjs')) return 'esm';
  if (file.endsWith('.cjs')) return 'cjs';
  const pkg = nearestPackageJson(path.dirname(file));
  return pkg && readJson(pkg)?.type === 'module' ? 'esm' : 'cjs';
}

/** Files package.json names (main, bin, exports): what outside users load. */
export function packageEntries(infos: Map<string, Info>): Set<string> {
  const out = new Set<string>();
  const pkgs = new Set<string>();
  for (const info of infos.values()) {
    const pkg = nearestPackageJson(path.dirname(info.file));
    if (pkg) pkgs.add(pkg);
  }
  for (const pkg of pkgs) {
    const json = readJson(pkg);
    if (!json) continue;
    const dir = path.dirname(pkg);
    const refs: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === 'string') refs.push(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
    };
    collect(json.main ?? 'index.js');
    collect(json.bin);
    collect(json.exports);
    for (const ref of refs) {
      try {
        out.add(createRequire(path.join(dir, 'package.json')).resolve(ref.startsWith('.') ? ref : `./${ref}`));
      } catch {
        // not a file
      }
    }
  }
  return out;
}

/**
 * CommonJS files of the packages of the run's files that the run does not convert, and that "type": "module" would
 * turn into ES modules (file → what it is): `.js` files it did not select, gitignored ones too (`node generated/g.js`
 * loads them all the same), and files without an extension that Node runs (a node shebang: express-generator's
 * `bin/www`; or named by package.json `bin`, `main` or a `scripts` command: `node ./bin/www`). Node 20 loads an
 * extensionless file under "type": "module" as an ES module too; the run never sees them (they are not `.js`).
 */
export async function cjsFilesNotSelected(ctx: ProjectTransformContext<Options>, infos: Map<string, Info>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const selected = new Set(ctx.files.map((f) => f.getFilePath() as string));
  const roots = new Set<string>();
  for (const info of infos.values()) {
    const pkg = nearestPackageJson(path.dirname(info.file));
    roots.add(pkg ? path.dirname(pkg) : path.resolve(ctx.cwd)); // without one, the run creates it in cwd
  }
  const isCjs = (text: string) => CJS_MARKERS.test(text) && !/^\s*(import|export)\s/m.test(text);
  for (const root of roots) {
    const visible = new Set(await discoverFiles({ cwd: root, paths: ['.'], extensions: ['js'] }));
    const named = namedByPackageJson(root);
    for (const file of filesOfPackage(root)) {
      if (infos.has(file)) continue;
      const ext = path.extname(file);
      if (ext === '.js') {
        if (selected.has(file)) continue; // an ES module already
        const text = readText(file);
        if (text !== undefined && isCjs(text)) out.set(file, visible.has(file) ? 'CommonJS in the same package but not selected' : 'CommonJS in the same package, gitignored (Node loads it all the same)');
        continue;
      }
      if (ext !== '') continue;
      const why = named.get(file) ?? (/^#!.*\bnode(js)?\b/.test(readText(file, 200) ?? '') ? 'a node script (shebang)' : undefined);
      if (!why) continue;
      const text = readText(file);
      if (text !== undefined && isCjs(text)) out.set(file, `CommonJS ${why} without a .js extension, which Node would load as an ES module under "type": "module"`);
    }
  }
  return out;
}

function readText(file: string, limit?: number): string | undefined {
  try {
    if (limit === undefined) return fs.readFileSync(file, 'utf8');
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(limit);
      return buf.toString('utf8', 0, fs.readSync(fd, buf, 0, limit, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Every regular file of the package at `root`, gitignored ones too; not node_modules, .git or nested packages. */
function filesOfPackage(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name === '.git' || fs.existsSync(path.join(abs, 'package.json'))) continue;
        walk(abs);
      } else if (e.isFile()) {
        out.push(abs);
      }
    }
  };
  walk(root);
  return out;
}

/** Files package.json at `root` names as programs: `bin`, `main`, and paths in `scripts` commands (file → how). */
function namedByPackageJson(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const json = readJson(path.join(root, 'package.json'));
  if (!json) return out;
  const add = (ref: unknown, how: string) => {
    if (typeof ref !== 'string' || !ref) return;
    const abs = path.resolve(root, ref);
    try {
      if (!out.has(abs) && fs.statSync(abs).isFile()) out.set(abs, how);
    } catch {
      // not a file
    }
  };
  if (typeof json.bin === 'string') add(json.bin, 'package.json bin');
  else if (json.bin && typeof json.bin === 'object') for (const [k, v] of Object.entries(json.bin)) add(v, `package.json bin "${k}"`);
  add(json.main, 'package.json main');
  if (json.scripts && typeof json.scripts === 'object') {
    for (const [k, v] of Object.entries(json.scripts)) {
      if (typeof v !== 'string') continue;
      for (const token of v.split(/[\s;&|()<>]+/)) {
        const t = token.replace(/^['"]|['"]$/g, '');
        if (!t || t.startsWith('-') || /[=$`*]/.test(t)) continue;
        add(t, `run by package.json scripts "${k}"`);
      }
    }
  }
  return out;
}

/** Offsets of the string value of `key` in the outermost object of a JSON text (undefined unless a string). */
function topLevelStringValue(text: string, key: string): { start: number; end: number } | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const isKey = depth === 1 && expectKey;
      expectKey = false;
      if (!isKey || JSON.parse(text.slice(start, i + 1)) !== key) continue;
      const m = /^\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text.slice(i + 1));
      if (!m) return undefined;
      const valueStart = i + 1 + m[0].length - m[1].length;
      return { start: valueStart, end: valueStart + m[1].length };
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    if (ch === '{' || ch === ',') expectKey = depth === 1;
  }
  return undefined;
}

/** package.json text with "type": "module" (created when missing), keeping its layout. */
export function withTypeModule(before: string | undefined): string {
  if (before === undefined) return '{\n  "type": "module"\n}\n';
  const json = JSON.parse(before);
  if (json.type === 'module') return before;
  if (json.type !== undefined) {
    // The top-level key only: nested objects have "type" keys too (`"funding": { "type": "opencollective" }`).
    const value = topLevelStringValue(before, 'type');
    return value ? `${before.slice(0, value.start)}"module"${before.slice(value.end)}` : before;
  }
  const eol = eolOf(before);
  const first = /\{(\s*?)(\r?\n)?([ \t]*)"/.exec(before);
  if (!first) return before;
  const indent = first[3] || '  ';
  // After "version" (or "name") when that line ends with a comma, else as the first property.
  for (const key of ['version', 'name']) {
    const m = new RegExp(`^([ \\t]*)"${key}"\\s*:\\s*"[^"]*",[ \\t]*$`, 'm').exec(before);
    if (m && m[1] === indent) {
      const at = m.index + m[0].length;
      return `${before.slice(0, at)}${eol}${indent}"type": "module",${before.slice(at)}`;
    }
  }
  if (!first[2]) return before.replace(/\{/, '{ "type": "module",');
  const at = first.index + 1;
  return `${before.slice(0, at)}${eol}${indent}"type": "module",${before.slice(at)}`;
}
