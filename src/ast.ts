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

/**
 * Runs a synchronous `fn` with @babel/traverse, then drops the paths and scopes Babel keeps of every traversed AST in
 * module-level caches (a worker transforms many files; they must not pile up).
 */
export async function withTraverse<T>(fn: (traverse: Traverse) => T): Promise<T> {
  const traverse = await loadTraverse();
  try {
    return fn(traverse);
  } finally {
    traverse.cache?.clear?.();
  }
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'range', 'tokens', 'comments']);

/** The child nodes of a Babel node with the key each sits under, in source-key order (positions and comments left out). */
export function childNodes(node: Node): Array<{ key: string; child: Node }> {
  const out: Array<{ key: string; child: Node }> = [];
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    const value = (node as any)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item.type === 'string') out.push({ key, child: item });
    } else if (value && typeof value === 'object' && typeof value.type === 'string') {
      out.push({ key, child: value });
    }
  }
  return out;
}

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
    for (const { key: k, child } of childNodes(node)) visit(child, node, k);
  };
  visit(root, null, null);
}

/** Depth-first walk that also hands over the ancestors (nearest last) with the key each child sits under. */
export function walkWithAncestors(root: Node, enter: (node: Node, ancestors: Array<{ node: Node; key: string }>) => void): void {
  const stack: Array<{ node: Node; key: string }> = [];
  const visit = (node: Node) => {
    enter(node, stack);
    for (const { key, child } of childNodes(node)) {
      stack.push({ node, key });
      visit(child);
      stack.pop();
    }
  };
  visit(root);
}
