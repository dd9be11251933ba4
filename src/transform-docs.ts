import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './fixtures.js';
import type { LoadedTransform, TransformSpec } from './types.js';

/**
 * A transform's long documentation, as `remodel describe` shows it: the README.md of its folder
 * (`transforms/<name>/README.md` for a built-in, shipped in the package; the folder of a local transform's
 * `index` module), without its `# title` line; else `meta.docs`, which third-party transforms may still carry.
 */
export function transformDocs(t: LoadedTransform, spec: TransformSpec): string | undefined {
  const readme =
    spec.kind === 'builtin'
      ? path.join(packageRoot(), 'transforms', spec.name, 'README.md')
      : spec.kind === 'path' && /^index\.[cm]?[jt]sx?$/.test(path.basename(spec.path))
        ? path.join(path.dirname(spec.path), 'README.md')
        : undefined;
  if (readme) {
    let text: string | undefined;
    try {
      text = fs.readFileSync(readme, 'utf8');
    } catch {
      // no README: meta.docs, if any
    }
    if (text !== undefined) return text.replace(/^\uFEFF?#[^\n]*\n/, '').trim() || undefined;
  }
  return t.meta.docs?.trim() || undefined;
}
