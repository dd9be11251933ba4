import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/engine/file-engine.js';
import { resolveOptions } from '../src/options.js';
import { normalize } from '../src/registry.js';
import * as arrowCallbacks from '../transforms/arrow-callbacks/index.js';
import * as objectShorthand from '../transforms/object-shorthand/index.js';
import * as prototypeToClass from '../transforms/prototype-to-class/index.js';
import * as templateLiterals from '../transforms/template-literals/index.js';

/** Every spot a transform looks at and leaves alone carries a reason (issue 15 item 11). */
async function reasons(mod: Record<string, unknown>, name: string, code: string, options: Record<string, unknown> = {}) {
  const t = normalize(mod, name);
  // A private package without engines: no target limit, no published-API refusal.
  const file = path.join(process.cwd(), '__testfixtures__', name, 'reasons-case.js');
  const out = await transformText(t, file, file, code, { cwd: process.cwd(), parser: 'auto', format: 'none', transformOptions: resolveOptions(t, options), dry: true });
  return { status: out.status, after: out.after, reasons: (out.reports ?? []).map((r) => r.reason) };
}

describe('spots left alone are reported with a reason', () => {
  it('prototype-to-class: Cookie.prototype = {…} on a function expression', async () => {
    const code = "var Cookie = module.exports = function Cookie(options) {\n  this.path = '/';\n};\nCookie.prototype = {\n  get expires() { return this._expires; },\n};\n";
    expect((await reasons(prototypeToClass, 'prototype-to-class', code)).reasons).toEqual(['not-a-declaration']);
  });
  it('arrow-callbacks: a function expression that is not a call argument', async () => {
    const r = await reasons(arrowCallbacks, 'arrow-callbacks', 'var handler = function (req, res) { res.end(); };\nmodule.exports = handler;\n');
    expect(r.reasons).toEqual(['not-an-argument']);
  });
  it('object-shorthand: quoted keys', async () => {
    const r = await reasons(objectShorthand, 'object-shorthand', "var a = 1;\nmodule.exports = { 'a': a };\n");
    expect(r.status).toBe('unchanged');
    expect(r.reasons).toEqual(['quoted-key']);
  });
  it('template-literals: a chain wrapped over several lines', async () => {
    const r = await reasons(templateLiterals, 'template-literals', "var msg = 'Invalid value for ' + String(field) +\n  ': expected ' + expected.length;\n");
    expect(r.reasons).toEqual(['multi-line-chain']);
  });
});
