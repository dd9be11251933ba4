import type { TraverseOptions } from '@babel/traverse';
import type { Node } from '@babel/types';
import { createRequire } from 'node:module';

export type Traverse = ((parent: Node, opts: TraverseOptions) => void) & { cache?: { clear(): void } };
let traverse: Traverse | undefined;

/**
 * @babel/traverse for transforms that need scopes and bindings, loaded on first use (it is the costliest import,
 * and files a prefilter rejects never need it); it is CommonJS, so it is required (no ESM scan of its exports) and
 * `default` is unwrapped.
 */
export async function loadTraverse(): Promise<Traverse> {
  if (!traverse) {
    const mod: any = createRequire(import.meta.url)('@babel/traverse');
    const fn = mod.default ?? mod;
    traverse = (typeof fn === 'function' ? fn : fn.default) as Traverse;
  }
  return traverse;
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'range', 'tokens', 'comments']);

/**
 * Depth-first walk over a Babel AST without building paths or scopes: the cheap traversal for transforms that
 * need only nodes and their parents. Return false from `enter` to skip a node's children.
 */
export function walk(
  root: Node,
  enter: (node: Node, parent: Node | null, key: string | null) => boolean | void,
): void {
  const visit = (node: Node, parent: Node | null, key: string | null) => {
    if (enter(node, parent, key) === false) return;
    for (const k in node) {
      if (SKIP_KEYS.has(k)) continue;
      const value = (node as any)[k];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') visit(item, node, k);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') {
        visit(value, node, k);
      }
    }
  };
  visit(root, null, null);
}
