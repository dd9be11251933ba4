// A project transform with a bug: it edits a file, then throws (for the crash report tests).
export const meta = {
  name: 'project-crash',
  description: 'edits the first file, then throws',
  engine: 'project',
};

export default function projectCrash(ctx) {
  ctx.files[0]?.insertText(0, '// edited\n');
  throw new TypeError('proj boom');
}
