import type { Node } from '@babel/types';

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
