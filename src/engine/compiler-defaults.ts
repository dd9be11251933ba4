/**
 * The checker remodel runs is TypeScript 6 (through ts-morph), whose `types` option defaults to `[]`: no @types
 * package joins the program unless listed. An app written for TypeScript 5 or earlier (its own typescript package,
 * or none) had every @types package included, so its test globals, `process` or `Buffer` were known without an
 * import; checked without them here, code the app's own tsc accepts showed errors that are not there
 * (actualbudget/actual-server: `describe`, `it`, `expect` about 650 times), transforms refused it for them, and types
 * read as `any`. For such an app whose tsconfig (and what it extends) sets no `types`, the packages of its type roots
 * are listed: its `typeRoots`, or every node_modules/@types folder from the tsconfig's folder up.
 *
 * TypeScript 6 also turns `strict` on when a tsconfig leaves it unset. That stays: with strictNullChecks the checker
 * keeps `| null` in the types, which is what tells the transforms a value may be missing; without it every type
 * reads as present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { projectTypeScript } from './project-typescript.js';

/**
 * The options to lay over a tsconfig's for the app's own TypeScript (empty for TypeScript 6 or later); `options` are
 * the tsconfig's as the compiler parsed them, what it extends included.
 */
export function compilerDefaultsFor(tsconfig: string, options: ts.CompilerOptions): ts.CompilerOptions {
  const version = projectTypeScript(path.dirname(tsconfig));
  if (version !== undefined && Number(version.split('.')[0]) >= 6) return {};
  if (options.types) return {};
  // (its typeRoots, or every node_modules/@types folder from the tsconfig's folder up, as the compiler finds them;
  // named one by one: the language service's host, whose program the engine uses, cannot list folders for `*`)
  const roots = ts.getEffectiveTypeRoots({ ...options, configFilePath: tsconfig }, { getCurrentDirectory: () => path.dirname(tsconfig) }) ?? [];
  return { types: typesPackages(roots) };
}

/** The packages in the type roots, as TypeScript 5 included them by default. */
function typesPackages(roots: string[]): string[] {
  const names = new Set<string>();
  for (const root of roots) {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(root);
    } catch {
      entries = [];
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      // (a stub whose package.json says `"typings": null` is left out, as the compiler does)
      try {
        if (JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8')).typings === null) continue;
      } catch {
        // no package.json: a plain folder of declarations
      }
      names.add(name);
    }
  }
  return [...names].sort();
}
