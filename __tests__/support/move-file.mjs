// A project transform that moves a file with ts-morph's own machinery (which re-points every import of it).
export const meta = {
  name: 'move-file',
  description: 'moves src/math.ts to src/lib/numbers.ts',
  engine: 'project',
};

export default function moveFile(ctx) {
  const file = ctx.project.getSourceFile((f) => f.getFilePath().endsWith('/src/math.ts'));
  if (!file) ctx.refuse('src/math.ts not found');
  file.move('lib/numbers.ts');
}
