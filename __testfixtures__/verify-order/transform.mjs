// A project transform that leaves the file with show() (a.ts) with an unused type import (show, its only user, is
// inlined away), and in each file asks the language service for the references of `find` before editing it, as
// extract-service does for each router in turn. Describing those references prints find's signature (`Row |
// undefined`) where a.ts uses `find`: that marks a.ts's import of `Row` as referenced, on the compiler's symbol of
// a.ts's source file, which the programs built after later edits share. Files are taken in name order, so b.ts's
// lookup comes after a.ts's last edit (renamed c.ts, before it). The check after the transform must see TS6133 in
// that file either way, as tsc does on the written files.
export const meta = {
  name: 'verify-order',
  description: "inlines show() (leaving its Row import unused) and edits the other files, looking up find's references in each first",
  engine: 'project',
};

export default function verifyOrder(ctx) {
  const files = [...ctx.files].sort((x, y) => x.getBaseName().localeCompare(y.getBaseName()));
  for (const sf of files) {
    const find = sf.getImportDeclarations().flatMap((d) => d.getNamedImports()).find((n) => n.getName() === 'find');
    if (!find) continue;
    find.getNameNode().findReferencesAsNodes();
    const show = sf.getFunction('show');
    if (show) {
      show.remove();
      sf.getVariableDeclarationOrThrow('a').setInitializer('find(1)!.name');
    } else {
      sf.getVariableDeclarationOrThrow('b').setInitializer('find(2)?.name');
    }
  }
}
