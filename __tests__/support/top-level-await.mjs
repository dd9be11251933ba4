// A project transform whose output is valid only as an ES module: a top-level await. Under NodeNext with
// "type": "module" that is correct; a checker that took the file for CommonJS would report TS1378.
export const meta = { name: 'top-level-await', description: 'appends a top-level await (for --verify tests)', engine: 'project' };

export default function topLevelAwait(ctx) {
  for (const sf of ctx.files) {
    if (sf.getFilePath().endsWith('/pricing.ts')) sf.addStatements('await Promise.resolve();');
  }
}
