/** `keepReexport` → `keep-reexport`: the command-line spelling of a camelCased option name. */
export const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `keep-reexport` → `keepReexport`: the key yargs gives a dashed flag. */
export const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Options a command owns are its own; every other `--flag` (camelCased by yargs) is a transform option, checked
 * later against the transform's declared schema.
 */
export function transformFlags(argv: Record<string, unknown>, ownFlags: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(argv)) {
    // yargs also keeps the dashed spelling of each flag; the camelCased one is enough.
    if (key === '_' || key === '$0' || key.includes('-') || ownFlags.has(key)) continue;
    out[key] = value;
  }
  return out;
}
