#!/usr/bin/env node
// Run by `npm pack` (prepack, after the build): the package ships no fixtures, so each built-in's `describe`
// example, found from its fixtures, is stored in dist/describe-examples.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { findFixtureExample, findProjectFixtureExample, PACKED_EXAMPLES } = await import('../dist/src/fixtures.js');
const { loadBuiltins } = await import('../dist/src/registry.js');
const examples = {};
for (const t of await loadBuiltins()) {
  const example = t.meta.engine === 'project' ? findProjectFixtureExample(t.meta.name) : findFixtureExample(t.meta.name);
  if (example) examples[t.meta.name] = example;
}
fs.writeFileSync(path.join(root, PACKED_EXAMPLES), JSON.stringify(examples) + '\n');
console.log(`${PACKED_EXAMPLES}: examples of ${Object.keys(examples).length} transforms`);
