import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors.js';

import { DEFAULT_EXTENSIONS } from './defaults.js';
import { toPosix } from './paths.js';

export { DEFAULT_EXTENSIONS };
const NEVER = new Set(['node_modules', '.git']);

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  extensions?: string[];
  /** gitignore-style patterns, relative to cwd. */
  ignore?: string[];
  /** `i/n`: keep only the files of shard i (1-based) of n. */
  shard?: string;
}

/** Finds the directory that holds `.git` (a folder, or a file for worktrees), walking up from `dir`. */
export function findGitRoot(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(cur, '.git'))) return cur;
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

/** gitignore rules of every directory on the way, each applied relative to its own directory, as git does. */
class IgnoreRules {
  private readonly byDir = new Map<string, Ignore | null>();

  constructor(
    private readonly root: string,
    private readonly extra: Ignore | null,
    private readonly cwd: string,
  ) {
    const exclude = path.join(root, '.git', 'info', 'exclude');
    if (fs.existsSync(exclude)) {
      const ig = ignore().add(fs.readFileSync(exclude, 'utf8'));
      this.byDir.set(`${root}\0exclude`, ig);
    }
  }

  private rulesOf(dir: string): Ignore | null {
    let rules = this.byDir.get(dir);
    if (rules === undefined) {
      const file = path.join(dir, '.gitignore');
      rules = fs.existsSync(file) ? ignore().add(fs.readFileSync(file, 'utf8')) : null;
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  /** `abs` must lie under the root; directories are tested with a trailing slash. */
  ignores(abs: string, isDir: boolean): boolean {
    const suffix = isDir ? '/' : '';
    if (this.extra) {
      const rel = path.relative(this.cwd, abs);
      if (rel && !rel.startsWith('..') && this.extra.ignores(toPosix(rel) + suffix)) return true;
    }
    const exclude = this.byDir.get(`${this.root}\0exclude`);
    const relRoot = path.relative(this.root, abs);
    if (relRoot.startsWith('..') || relRoot === '') return false;
    if (exclude && exclude.ignores(toPosix(relRoot) + suffix)) return true;
    // Every ancestor directory from the root down to the file's own directory may hold a .gitignore.
    let dir = this.root;
    const parts = relRoot.split(path.sep);
    for (let i = 0; i < parts.length; i++) {
      const rules = this.rulesOf(dir);
      if (rules && rules.ignores(parts.slice(i).join('/') + suffix)) return true;
      dir = path.join(dir, parts[i]);
    }
    return false;
  }
}


/** Lists the files a run covers, sorted, honouring .gitignore at all levels, --ignore and --extensions. */
export async function discoverFiles(options: DiscoverOptions): Promise<string[]> {
  const cwd = path.resolve(options.cwd);
  const extensions = new Set((options.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.replace(/^\./, '').toLowerCase()));
  const extra = options.ignore?.length ? ignore().add(options.ignore) : null;
  const paths = options.paths.length ? options.paths : ['.'];
  const found = new Set<string>();
  const rulesByRoot = new Map<string, IgnoreRules>();
  const rulesFor = (start: string) => {
    const root = findGitRoot(start) ?? start;
    let rules = rulesByRoot.get(root);
    if (!rules) {
      rules = new IgnoreRules(root, extra, cwd);
      rulesByRoot.set(root, rules);
    }
    return rules;
  };
  const wanted = (file: string) => extensions.has(path.extname(file).slice(1).toLowerCase());
  const underNever = (abs: string) => abs.split(path.sep).some((part) => NEVER.has(part));

  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    if (isDynamicPattern(given) && !fs.existsSync(abs)) {
      const matches = await glob(given, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], dot: false });
      for (const m of matches) {
        const file = path.normalize(m);
        if (wanted(file) && !rulesFor(path.dirname(file)).ignores(file, false)) found.add(file);
      }
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`path not found: ${given}`);
    }
    if (stat.isFile()) {
      // A file named on the command line is taken as asked, unless --ignore or node_modules rules it out.
      const rel = path.relative(cwd, abs);
      if (!underNever(abs) && !(extra && rel && !rel.startsWith('..') && extra.ignores(toPosix(rel)))) found.add(abs);
      continue;
    }
    const rules = rulesFor(abs);
    walk(abs, rules, wanted, found);
  }
  const files = [...found].sort();
  return options.shard ? selectShard(files, options.shard, cwd) : files;
}

function walk(dir: string, rules: IgnoreRules, wanted: (f: string) => boolean, out: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (NEVER.has(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!rules.ignores(abs, true)) walk(abs, rules, wanted, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && wanted(abs)) {
      if (entry.isSymbolicLink()) {
        // Symlinked files are followed only when they point at a regular file.
        try {
          if (!fs.statSync(abs).isFile()) continue;
        } catch {
          continue;
        }
      }
      if (!rules.ignores(abs, false)) out.add(abs);
    }
  }
}

/** Parses `i/n` (1-based). */
export function parseShard(spec: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`invalid --shard "${spec}": expected i/n with 1 <= i <= n, e.g. 2/4`);
  }
  return { index, count };
}

/**
 * Deterministic split for CI matrices: a file's shard depends only on its path relative to cwd, so adding files
 * elsewhere never moves a file to another shard, and the n shards together cover every file exactly once.
 */
export function selectShard(files: string[], spec: string, cwd: string): string[] {
  const { index, count } = parseShard(spec);
  return files.filter((f) => {
    const digest = createHash('sha1').update(toPosix(path.relative(cwd, f))).digest();
    return digest.readUInt32BE(0) % count === index - 1;
  });
}
