// A deliberately broken project transform: renames an exported function without touching its importers.
export const meta = {
  name: 'break-exports',
  description: 'renames exported functions to <name>Renamed and forgets the importers (for --verify tests)',
  engine: 'project',
};

export default function breakExports(ctx) {
  for (const sf of ctx.files) {
    for (const fn of sf.getFunctions()) {
      if (fn.isExported() && fn.getName()) fn.getNameNode().replaceWithText(`${fn.getName()}Renamed`);
    }
  }
}
