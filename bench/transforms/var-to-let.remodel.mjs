// The same job as var-to-let.cjs (every `var` becomes `let`, no safety checks) as a remodel transform, so both
// runners produce the same changed files: only the three bytes of each `var` keyword are replaced, nothing is
// reprinted, and files without "var" are never parsed.
import { walk } from '../../dist/src/index.js';

export const meta = {
  name: 'var-to-let',
  description: 'every var declaration becomes let (benchmark only: unsafe)',
  engine: 'file',
  prefilter: (source) => source.includes('var'),
};

export default function varToLet(ctx) {
  const edits = ctx.edits();
  walk(ctx.parse(), (node) => {
    if (node.type === 'VariableDeclaration' && node.kind === 'var' && ctx.source.startsWith('var', node.start)) {
      edits.replace(node.start, node.start + 3, 'let');
    }
  });
  return edits.size ? edits.apply() : undefined;
}
