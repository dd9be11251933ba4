// The same rename as rename-foo.cjs written as a remodel transform: a prefilter skips files without `foo`, and
// only the identifier bytes are replaced (no reprint).
import { walk } from '../../dist/src/index.js';

export const meta = {
  name: 'rename-foo',
  description: 'renames the identifier foo to bar',
  engine: 'file',
  prefilter: (source) => source.includes('foo'),
};

export default function renameFoo(ctx) {
  const edits = ctx.edits();
  walk(ctx.parse(), (node) => {
    if (node.type === 'Identifier' && node.name === 'foo') edits.replace(node.start, node.end, 'bar');
  });
  return edits.size ? edits.apply() : undefined;
}
