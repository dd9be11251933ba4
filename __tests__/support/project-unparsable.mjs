// A broken project transform: edits one file into text that does not parse, and another one correctly.
export const meta = {
  name: 'project-unparsable',
  description: 'breaks the first file, edits the second',
  engine: 'project',
};

export default function projectUnparsable(ctx) {
  const [first, second] = ctx.files;
  first?.replaceWithText('export export const = ;\n');
  second?.insertText(0, '// edited\n');
}
