// jscodeshift is an optional peer dependency: only plain jscodeshift transform modules need it (remodel's own
// transforms and project transforms never load it), so it is looked for when such a module is about to run.
import { createRequire } from 'node:module';
import { UsageError } from './errors.js';

const require = createRequire(import.meta.url);

/** Whether the jscodeshift package can be loaded beside remodel. */
export function hasJscodeshift(): boolean {
  try {
    require.resolve('jscodeshift');
    return true;
  } catch {
    return false;
  }
}

/** A usage error naming the install command when jscodeshift is not installed. */
export function assertJscodeshift(transform: string): void {
  if (hasJscodeshift()) return;
  throw new UsageError(
    `${transform} is a jscodeshift transform, and running it needs the jscodeshift package, which is not installed ` +
      '(it is an optional peer dependency of remodel): npm install --save-dev jscodeshift. Nothing was changed.',
  );
}
