// Part of the bundled CLI (scripts/bundle-cli.mjs sends every import of ts-morph in the bundle here): loads ts-morph
// with its TypeScript through `require`, compiling its three large CommonJS files (@ts-morph/common's 9 MB
// typescript.js and 3 MB ts-morph-common.js, ts-morph.js) with the V8 code caches the build made for them
// (dist/cli/ts-morph-cache/, see scripts/bundle-ts-cache.mjs). Node 20 caches no compiled code of its own, and
// compiling TypeScript (at load, then each function on its first call) is about a tenth of a project run's CPU.
//
// A cache is used only when its file is the one the build wrote (SHA-1 in the manifest: V8 checks a cache's header
// and length but not its content, and crashes on a damaged one) and the source is the one it was made from (size and
// SHA-1, or the very file the build hashed; npm gives every installed file the same date). V8 itself rejects a
// cache from another Node or other flags. A cache not used only means compiling as usual: the same code runs either
// way. Without a manifest (not built, or the build could not make one) ts-morph loads as before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Set by scripts/bundle-ts-cache.mjs while it trains: a Map that receives each compiled script by package path. */
const RECORD = Symbol.for('remodel.tsMorphCodeCache');
/** The files compiled through vm.Script (package paths under node_modules). */
export const CACHED_FILES = ['@ts-morph/common/dist/typescript.js', '@ts-morph/common/dist/ts-morph-common.js', 'ts-morph/dist/ts-morph.js'];

const sha1 = (data) => crypto.createHash('sha1').update(data).digest('hex');
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** A file's path inside node_modules, '/'-separated ('@ts-morph/common/dist/typescript.js'); undefined outside. */
function packagePath(file) {
  const at = file.lastIndexOf(NODE_MODULES);
  return at < 0 ? undefined : file.slice(at + NODE_MODULES.length).split(path.sep).join('/');
}

/**
 * The identity of a file on disk: the same device, inode, size, modification and change time as when the build
 * hashed it means the same content (any write changes the change time; a new install makes new files), so its
 * SHA-1 (~25 ms for the three files) need not be computed again. Any other file is hashed.
 */
export function statKey(file) {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** ts-morph's exports, as `require('ts-morph')` gives them. */
export function loadTsMorph() {
  const require = createRequire(import.meta.url);
  const dir = fileURLToPath(new URL('./ts-morph-cache/', import.meta.url));
  let files;
  try {
    files = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).files;
  } catch {
    // no manifest: no caches
  }
  const record = globalThis[RECORD];
  if ((!files || typeof files !== 'object') && !(record instanceof Map)) return require('ts-morph');
  const extensions = Module._extensions;
  const plain = extensions['.js'];
  extensions['.js'] = function compileWithCache(module, filename) {
    const key = packagePath(filename);
    const entry = key && CACHED_FILES.includes(key) ? files?.[key] : undefined;
    if (!entry && !(record && CACHED_FILES.includes(key))) return plain.call(this, module, filename);
    const bytes = fs.readFileSync(filename);
    let cachedData;
    if (entry && bytes.length === entry.size && (statKey(filename) === entry.stat || sha1(bytes) === entry.source)) {
      try {
        const data = fs.readFileSync(path.join(dir, path.basename(entry.cache)));
        if (sha1(data) === entry.data) cachedData = data;
      } catch {
        // no cache file: compiled as usual
      }
    }
    const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename, cachedData });
    if (record) record.set(key, { script, bytes, filename });
    script.runInThisContext().call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  };
  try {
    return require('ts-morph');
  } finally {
    extensions['.js'] = plain;
  }
}
