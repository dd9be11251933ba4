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

/** CommonJS `.js` files under the same package.json as the run's files that the run did not select. */
export async function cjsFilesNotSelected(ctx: ProjectTransformContext<Options>, infos: Map<string, Info>): Promise<Map<string, true>> {
  const out = new Map<string, true>();
  const selected = new Set(ctx.files.map((f) => f.getFilePath() as string));
  const roots = new Set<string>();
  for (const info of infos.values()) {
    const pkg = nearestPackageJson(path.dirname(info.file));
    if (pkg) roots.add(path.dirname(pkg));
  }
  for (const root of roots) {
    const files = await discoverFiles({ cwd: root, paths: ['.'], extensions: ['js'] });
    for (const file of files) {
      if (selected.has(file) || file.includes('/node_modules/')) continue;
      const pkg = nearestPackageJson(path.dirname(file));
      if (pkg && path.dirname(pkg) !== root) continue; // a nested package
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (CJS_MARKERS.test(text) && !/^\s*(import|export)\s/m.test(text)) out.set(file, true);
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
