// A project transform that looks up the references of b.ts's `find` before any edit (which marks a.ts's unused
// import of `Row` as used in the program as loaded: see transform.mjs), then edits a.ts without touching that
// import. The unused import was there before the change: the check must not count it as new.
export const meta = {
  name: 'verify-order-lookup-first',
  description: "looks up find's references in b.ts, then edits a.ts",
  engine: 'project',
};

export default function lookupFirst(ctx) {
  const b = ctx.files.find((sf) => sf.getBaseName() === 'b.ts');
  b.getImportDeclarations()[0].getNamedImports()[0].getNameNode().findReferencesAsNodes();
  const a = ctx.files.find((sf) => sf.getBaseName() === 'a.ts');
  a.getVariableDeclarationOrThrow('a').setInitializer('find(3)?.name');
}
