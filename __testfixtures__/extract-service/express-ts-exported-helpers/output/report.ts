import { readFixes, type Fixes } from './routes/fixes';
import * as snippets from './routes/snippets';

// the report reads the fixes through the router module's export
export function report(key: string): string {
  const found: Fixes = readFixes(key, 10);
  return `${found.fixes.length} fixes`;
}

// the snippets module's namespace is handed around as a value: its exports stay where they are
export const snippetExports = Object.keys(snippets);
