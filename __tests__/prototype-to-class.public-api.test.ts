import { describe, expect, it } from 'vitest';
import { runTransform } from '../src/run.js';
import { clearPackageCache } from '../src/target.js';
import { clearCallerScan } from '../transforms/prototype-to-class/callers.js';
import { tempDir, writeFiles } from './support/helpers.js';

const STORE = [
  "'use strict';",
  "var EventEmitter = require('events').EventEmitter;",
  "var util = require('util');",
  'function Store() {',
  '  EventEmitter.call(this);',
  '}',
  'util.inherits(Store, EventEmitter);',
  'Store.prototype.touch = function (sid) {',
  "  this.emit('touch', sid);",
  '};',
  'module.exports = Store;',
  '',
].join('\n');

async function run(dir: string, options: Record<string, unknown> = {}) {
  clearPackageCache();
  clearCallerScan();
  const { changeSet } = await runTransform({ cwd: dir, transform: 'prototype-to-class', paths: ['lib'], dry: true, cache: false, jobs: 1, format: 'none', options });
  return changeSet.files.find((f) => f.path === 'lib/store.js')!;
}

describe('prototype-to-class: an exported constructor is public API', () => {
  it('refuses it when another file of the package calls it without new (a connect-redis-style subclass)', async () => {
    const dir = tempDir('ptc-callers-');
    writeFiles(dir, {
      'package.json': '{ "name": "my-session", "private": true }\n',
      'lib/store.js': STORE,
      'index.js': "exports.Store = require('./lib/store');\n",
      'test/redis.js': [
        "var Store = require('../lib/store');",
        "var util = require('util');",
        'function RedisStore() { Store.call(this); }',
        'util.inherits(RedisStore, Store);',
        '',
      ].join('\n'),
    });
    const f = await run(dir);
    expect(f.status).toBe('unchanged');
    expect(f.reports?.[0]).toMatchObject({ reason: 'called-without-new-elsewhere' });
    expect(f.reports?.[0].message).toContain('test/redis.js:3');
  });

  it('finds callers through the package main and an alias: session.Store.apply(this, arguments), S.call(this)', async () => {
    for (const caller of [
      "var session = require('..');\nfunction RedisStore() { session.Store.apply(this, arguments); }\n",
      "var S = require('../lib/store.js');\nfunction RedisStore() { S.call(this); }\n",
      "import Base from '../lib/store.js';\nexport function RedisStore() { Base.call(this); }\n",
    ]) {
      const dir = tempDir('ptc-callers-');
      writeFiles(dir, { 'package.json': '{ "name": "my-session", "private": true }\n', 'lib/store.js': STORE, 'index.js': "exports.Store = require('./lib/store');\n", 'test/redis.js': caller });
      const f = await run(dir);
      expect(f.reports?.[0]?.reason, caller).toBe('called-without-new-elsewhere');
    }
  });

  it('refuses it when another file copies or enumerates its prototype or statics, through any binding (used-as-value-elsewhere)', async () => {
    for (const user of [
      "const { Store } = require('..');\nconst mixin = Object.assign({}, Store.prototype);\n",
      "var session = require('..');\nfor (var k in session.Store.prototype) console.log(k);\n",
      "import S from '../lib/store.js';\nexport const statics = Object.keys(S);\n",
      "var _ = require('lodash');\nvar S = require('../lib/store');\nvar Alias = S;\n_.extend(Widget.prototype, Alias.prototype);\n",
      "var S = require('../lib/store');\nexport const copy = { ...S };\n",
    ]) {
      const dir = tempDir('ptc-values-');
      writeFiles(dir, { 'package.json': '{ "name": "my-session", "private": true }\n', 'lib/store.js': STORE, 'index.js': "exports.Store = require('./lib/store');\n", 'test/user.js': user });
      const f = await run(dir);
      expect(f.status, user).toBe('unchanged');
      expect(f.reports?.[0]?.reason, user).toBe('used-as-value-elsewhere');
      expect(f.reports?.[0]?.message, user).toContain('test/user.js');
    }
  });

  it('still converts it when other files only construct, test, extend or re-export it', async () => {
    const dir = tempDir('ptc-values-ok-');
    writeFiles(dir, {
      'package.json': '{ "name": "my-session", "private": true }\n',
      'lib/store.js': STORE,
      'index.js': "exports.Store = require('./lib/store');\n",
      'test/user.ts': [
        "import { Store } from '..';",
        'const s: Store = new Store();',
        'type Ctor = typeof Store;',
        'class Sub extends Store {}',
        'console.log(s instanceof Store, Object.create(Store.prototype), Store.prototype.touch);',
        'export { Store };',
        '',
      ].join('\n'),
    });
    const f = await run(dir);
    expect(f.status).toBe('changed');
  });

  it('refuses it in a published package (no "private": true) unless --allow-public-constructors', async () => {
    const dir = tempDir('ptc-published-');
    writeFiles(dir, { 'package.json': '{ "name": "my-session", "version": "1.0.0" }\n', 'lib/store.js': STORE });
    const f = await run(dir);
    expect(f.status).toBe('unchanged');
    expect(f.reports?.[0]).toMatchObject({ reason: 'published-api' });
    const g = await run(dir, { allowPublicConstructors: true });
    expect(g.status).toBe('changed');
    expect(g.after).toContain('class Store extends EventEmitter');
  });

  it('converts it in a private package whose files only use new', async () => {
    const dir = tempDir('ptc-private-');
    writeFiles(dir, { 'package.json': '{ "private": true }\n', 'lib/store.js': STORE, 'app.js': "var Store = require('./lib/store');\nvar s = new Store();\n" });
    const f = await run(dir);
    expect(f.status).toBe('changed');
  });
});
