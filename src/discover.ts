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

/** A file the walk found but will not hand to a transform, with the reason key reported for it. */
export interface DiscoverSkip {
  absPath: string;
  reason: 'symlink';
  message: string;
}

export interface Discovered {
  files: string[];
  skipped: DiscoverSkip[];
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
  return (await discover(options)).files;
}

/**
 * The files a run covers and the files it found but leaves alone. A path that reaches its file through a
 * symbolic link (the file itself or a folder on the way) is never written through: when the link's target lies
 * inside the tree (the git repository, else the working directory) the file is taken once, under its real path;
 * when it lies outside, the file is skipped with reason `symlink`. A folder that cannot be read is a usage error
 * that names it (its files would otherwise be silently left out).
 */
export async function discover(options: DiscoverOptions): Promise<Discovered> {
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
    walk(abs, rules, wanted, found, cwd);
  }
  const { files: real, skipped } = resolveLinks([...found], findGitRoot(cwd) ?? cwd);
  const files = real.sort();
  return {
    files: options.shard ? selectShard(files, options.shard, cwd) : files,
    skipped: options.shard ? skipped.filter((f) => selectShard([f.absPath], options.shard!, cwd).length) : skipped,
  };
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Maps every file reached through a link to its real path inside `tree`, or skips it when it leads outside. */
function resolveLinks(found: string[], tree: string): Discovered {
  const realTree = realpathOrSelf(tree);
  const inside = (p: string, root: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  // The same real directory under another spelling (cwd below a symlinked folder) is not a link to follow.
  const realDirs = new Map<string, string>();
  const files = new Set<string>();
  const skipped: DiscoverSkip[] = [];
  for (const abs of found) {
    const dir = path.dirname(abs);
    let realDir = realDirs.get(dir);
    if (realDir === undefined) realDirs.set(dir, (realDir = realpathOrSelf(dir)));
    let isLink = false;
    try {
      isLink = fs.lstatSync(abs).isSymbolicLink();
    } catch {
      // gone meanwhile: the engine reports it
    }
    const real = isLink ? realpathOrSelf(abs) : path.join(realDir, path.basename(abs));
    // The expected real path when nothing on the way is a link (beyond links above the tree itself).
    const plain = inside(abs, tree) ? path.join(realTree, path.relative(tree, abs)) : real;
    if (!isLink && real === plain) {
      files.add(abs);
      continue;
    }
    const mapped = path.join(tree, path.relative(realTree, real));
    // Inside the tree, but not into what is never walked (a link into node_modules is a dependency's file).
    if (inside(real, realTree) && !path.relative(realTree, real).split(path.sep).some((part) => NEVER.has(part))) {
      files.add(mapped);
    } else {
      const target = isLink ? fs.readlinkSync(abs) : real;
      skipped.push({ absPath: abs, reason: 'symlink', message: `symbolic link to ${target}, outside the tree (or into node_modules); never written through` });
    }
  }
  return { files: [...files], skipped };
}

function walk(dir: string, rules: IgnoreRules, wanted: (f: string) => boolean, out: Set<string>, cwd: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // removed while walking
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    throw new UsageError(`cannot read directory ${toPosix(path.relative(cwd, dir)) || '.'}/ (${why}): its files cannot be looked at; fix its permissions or --ignore it`);
  }
  for (const entry of entries) {
    if (NEVER.has(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!rules.ignores(abs, true)) walk(abs, rules, wanted, out, cwd);
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
