import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFiles } from './support/helpers.js';

/**
 * Transforms decide on more than a file's own bytes: the target in package.json, callers in other files. A cached
 * result must never outlive what it was decided on.
 */
describe('result cache and what a transform decides on besides the file', () => {
  it('a new engines.node in package.json misses the cache (no-var refused for node 0.10, converted for node 14)', () => {
    const dir = tempDir('remodel-cache-target-');
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'old', private: true, engines: { node: '>=0.10' } }) + '\n',
      'src/a.js': "'use strict';\nfunction f() {\n  var x = 1;\n  return x;\n}\nmodule.exports = f;\n",
    });
    const old = runCli(['run', 'no-var', 'src', '--json'], dir);
    expect(old.code, old.stderr).toBe(0);
    expect(JSON.parse(old.stdout).summary.changed).toBe(0);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'old', private: true, engines: { node: '>=14' } }) + '\n');
    const modern = runCli(['run', 'no-var', 'src', '--json'], dir);
    expect(modern.code, modern.stderr).toBe(0);
    expect(JSON.parse(modern.stdout).summary.changed).toBe(1);
  });

  it('prototype-to-class is not served from the cache: a caller added in another file is seen on the next run', () => {
    const dir = tempDir('remodel-cache-callers-');
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'store', private: true, engines: { node: '>=14' } }) + '\n',
      'lib/store.js': [
        "'use strict';",
        'function Store(name) {',
        '  this.name = name;',
        '}',
        'Store.prototype.get = function get() {',
        '  return this.name;',
        '};',
        'module.exports = Store;',
        '',
      ].join('\n'),
    });
    const first = runCli(['run', 'prototype-to-class', 'lib', '--json'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).summary.changed).toBe(1);
    // Someone subclasses it the pre-ES2015 way: a class constructor cannot be called without new.
    writeFiles(dir, {
      'lib/redis-store.js': [
        "'use strict';",
        "var Store = require('./store');",
        "var util = require('util');",
        'function RedisStore(name) {',
        '  Store.call(this, name);',
        '}',
        'util.inherits(RedisStore, Store);',
        'module.exports = RedisStore;',
        '',
      ].join('\n'),
    });
    const second = runCli(['run', 'prototype-to-class', 'lib/store.js', '--json'], dir);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.summary.changed).toBe(0);
    const store = report.files.find((f: { path: string }) => f.path === 'lib/store.js');
    expect(JSON.stringify(store.reports)).toContain('called-without-new-elsewhere');
  });
});
