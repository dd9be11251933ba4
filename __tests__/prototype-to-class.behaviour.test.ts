import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/engine/file-engine.js';
import { resolveOptions } from '../src/options.js';
import { normalize } from '../src/registry.js';
import * as prototypeToClass from '../transforms/prototype-to-class/index.js';

/**
 * Runs fixture inputs and the transform's outputs for real and checks that what a caller can observe is the same:
 * method results, instanceof and the prototype chain, static members, getters and setters, emitted events.
 */

const dir = path.join(process.cwd(), '__testfixtures__', 'prototype-to-class');
const transform = normalize(prototypeToClass as unknown as Record<string, unknown>, 'prototype-to-class');
const hostRequire = createRequire(import.meta.url);

async function rewrite(file: string): Promise<{ before: string; after: string; reports: { reason?: string }[] }> {
  const before = fs.readFileSync(path.join(dir, file), 'utf8');
  const out = await transformText(transform, path.join(dir, file), path.join(dir, file), before, {
    cwd: process.cwd(),
    parser: 'auto',
    format: 'none',
    transformOptions: resolveOptions(transform, {}),
    dry: true,
  });
  expect(out.status, JSON.stringify(out.error)).not.toBe('error');
  return { before, after: out.status === 'changed' ? (out.after as string) : before, reports: out.reports ?? [] };
}

/** Evaluates CommonJS code in a fresh context and returns `module.exports` (and the global `this` object). */
function runCommonJs(code: string): { exports: any; root: Record<string, unknown> } {
  const module = { exports: {} as any };
  const root: Record<string, unknown> = {};
  const sandbox = { module, exports: module.exports, require: hostRequire, process, console, root };
  vm.runInNewContext(`(function () {\n${code}\n}).call(root)`, sandbox, { filename: 'fixture.js' });
  return { exports: module.exports, root };
}

type Probe = (loaded: { exports: any; root: Record<string, unknown> }) => unknown;

const commonJsCases: Record<string, Probe> = {
  'basic-methods-statics': ({ exports: User }) => {
    const u = new User('ann');
    const admin = User.fromJSON({ name: 'bob', role: 'admin' });
    return [u.greet(), u.isAdmin(), admin.isAdmin(), admin instanceof User, u.describe('>'), User.length, User.name, typeof User.fromJSON];
  },
  'util-inherits-event-emitter': ({ exports: { Queue, PriorityQueue } }) => {
    const events: unknown[] = [];
    const q = new Queue('q');
    q.on('push', (x: unknown) => events.push(['q', x]));
    q.push(3).push(1);
    const p = new PriorityQueue('p');
    p.on('push', (x: unknown) => events.push(['p', x]));
    p.push(5).push(2).push(9);
    const EventEmitter = hostRequire('events').EventEmitter;
    return [events, q.size(), p.items, p.name, p instanceof Queue, p instanceof EventEmitter, q instanceof PriorityQueue, Object.getPrototypeOf(PriorityQueue.prototype) === Queue.prototype, p.constructor === PriorityQueue];
  },
  'object-create-apply-arguments': ({ exports: { Shape, Circle } }) => {
    const c = new Circle(1, 2, 3);
    c.move(1, 1);
    return [c.x, c.y, c.r, c.area().toFixed(4), c instanceof Shape, c.constructor === Circle, Object.getPrototypeOf(Circle.prototype) === Shape.prototype, typeof c.move, new Shape(0, 0).move(2, 3).x];
  },
  'accessors-define-property': ({ exports: Temperature }) => {
    const t = new Temperature(100);
    const before = t.fahrenheit;
    t.fahrenheit = 32;
    const d = Object.getOwnPropertyDescriptor(Temperature.prototype, 'fahrenheit')!;
    const s = Object.getOwnPropertyDescriptor(Temperature, 'absoluteZero')!;
    return [before, t._c, String(t), Temperature.absoluteZero._c, d.enumerable, d.configurable, typeof d.get, typeof d.set, s.enumerable, s.configurable, Object.keys(t)];
  },
  'prototype-object-literal': ({ exports: Stack }) => {
    const s = new Stack();
    s.push(1).push(2);
    const top = s.pop();
    return [top, s.size, s.constructor === Stack, s instanceof Stack, Object.getOwnPropertyDescriptor(Stack.prototype, 'size')!.configurable];
  },
  'data-properties-kept': ({ exports: Counter }) => {
    const c = new Counter(5);
    return [c.next(), c.increment(), Counter.prototype.step, Counter.VERSION, Counter.prototype.increment === Counter.prototype.next, Object.keys(c)];
  },
  'iife-wrapper-tabs': ({ root }) => {
    const Point = root.Point as any;
    const p = new Point(1, 2).add(Point.origin()).add(new Point(3, 4));
    return [p.x, p.y, p instanceof Point];
  },
  'wrapper-returns-constructor': ({ exports: { Scheduler } }) => {
    const s = new Scheduler(function (this: any, owner: unknown, work: string) {
      this.schedule = (delay: number) => [owner === s, work, delay];
    });
    return [s.schedule('w', 5), typeof s.now, Scheduler.now === Date.now, Object.keys(s)];
  },
  'jsdoc-typed-methods': ({ exports: { RateLimiter } }) => {
    const r = new RateLimiter(2);
    return [r.hit(0), r.hit(10), r.hit(20), r.hit(1500), r.hits];
  },
};

describe('prototype-to-class: outputs behave like inputs', () => {
  for (const [name, probe] of Object.entries(commonJsCases)) {
    it(name, async () => {
      const { before, after } = await rewrite(`${name}.input.js`);
      expect(after).not.toBe(before);
      expect(after).toMatch(/\bclass\b/);
      const expected = probe(runCommonJs(before));
      const actual = probe(runCommonJs(after));
      expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(JSON.stringify(expected)));
    });
  }

  it('esm-exports-async-generator (imported from temp files)', async () => {
    const { before, after } = await rewrite('esm-exports-async-generator.input.mjs');
    expect(after).not.toBe(before);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptc-'));
    try {
      const results: unknown[] = [];
      for (const [i, code] of [before, after].entries()) {
        const file = path.join(tmp, `m${i}.mjs`);
        fs.writeFileSync(file, code);
        const mod = await import(pathToFileURL(file).href);
        const feed = new mod.default({ a: 1, b: 2, get: async (id: string) => `#${id}` });
        results.push([await feed.load('x'), [...feed.entries()].slice(0, 2), feed.query('t'), new mod.Item(7).key(), feed instanceof mod.default]);
      }
      expect(results[1]).toEqual(results[0]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('the sloppy-mode trap really differs between a function and a class body', async () => {
    // Shows why sloppy-nested-this must not change: the same method body answers differently in a class.
    const code = fs.readFileSync(path.join(dir, 'sloppy-nested-this.input.js'), 'utf8');
    const asFunction = runCommonJs(code).exports;
    expect(new asFunction(1).ticks(1)).toEqual(['sloppy']);
    const body = 'var result = []; [1].forEach(function () { result.push(this === undefined ? "strict" : "sloppy"); }); return result;';
    const asClass = vm.runInNewContext(`(class P { ticks() { ${body} } })`);
    expect(new asClass().ticks()).toEqual(['strict']);
  });

  it('the call-without-new trap really throws for a class', async () => {
    const { after, reports } = await rewrite('called-without-new.input.js');
    expect(reports.map((r) => r.reason)).toContain('called-without-new');
    expect(() => runCommonJs(after)).not.toThrow();
    expect(() => runCommonJs(after.replace('function Logger(prefix) {', 'class Logger { constructor(prefix) {').replace(/(this\.prefix = prefix;\n)}/, '$1}}'))).toThrow(/without 'new'/);
  });
});

/** Every must-not-change case reports the reason it names (the summary groups by these keys). */
const expectedReasons: Record<string, string> = {
  'accessor-enumerable': 'accessor-descriptor',
  'arrow-method': 'arrow-method',
  'called-without-new': 'called-without-new',
  'compiled-output': 'compiled-output',
  'conditional-member': 'conditional-member',
  'constructor-only': 'no-movable-members',
  'constructor-returns-object': 'constructor-returns-value',
  'enumerates-prototype': 'enumerates-prototype',
  'escapes-to-factory': 'escapes',
  'global-browser-script': 'global-script',
  'hoisted-caller-before-definition': 'used-before-definition',
  'instanceof-guard': 'called-without-new',
  'mixin-prototype-as-value': 'prototype-used-as-value',
  'named-function-expression': 'named-function-expression',
  'parent-called-by-unconverted-child': 'constructor-not-restored',
  'prototype-reassigned-without-constructor': 'prototype-reassigned',
  'sloppy-implicit-global': 'sloppy-mode',
  'sloppy-nested-this': 'sloppy-this',
  'this-before-parent-call': 'this-before-super',
  'typescript-needs-fields': 'typescript-fields',
  'used-before-definition': 'used-before-definition',
  'used-between-members': 'used-before-members',
  'uses-super-property': 'uses-super_',
};

describe('prototype-to-class: reasons of the must-not-change cases', () => {
  const inputs = fs.readdirSync(dir).filter((f) => f.includes('.input.'));
  for (const file of inputs) {
    const name = file.slice(0, file.indexOf('.input.'));
    if (fs.existsSync(path.join(dir, file.replace('.input.', '.output.')))) continue;
    it(name, async () => {
      // The table above, else the case's reasons.json (the fixture harness checks all of them).
      const reasonsFile = path.join(dir, `${name}.reasons.json`);
      const listed = fs.existsSync(reasonsFile) ? (JSON.parse(fs.readFileSync(reasonsFile, 'utf8')) as string[]) : undefined;
      const { reports } = await rewrite(file);
      // A companion file with no candidate of its own (e.g. only a caller of another case's constructor) reports nothing.
      if (!expectedReasons[name] && listed?.length === 0) {
        expect(reports.map((r) => r.reason)).toEqual([]);
        return;
      }
      const expected = expectedReasons[name] ?? listed?.[0];
      expect(expected, `add the expected reason of ${name}`).toBeDefined();
      expect(reports.map((r) => r.reason)).toContain(expected);
    });
  }
});
