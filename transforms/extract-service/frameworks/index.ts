/**
 * What differs between Express, Koa and Fastify once a handler's logic has moved into a service: the object the
 * controller answers through (`res`, `ctx`, `reply`), the statements answering each kind of domain error in the
 * generated mapping, and the mapping module itself. The services never see any of it.
 */
import type { Framework } from '../../../src/app-model/types.js';
import { GENERATED_MARKER, parseResponderLines, responderLine, responderModuleText, type GenStyle } from '../errors.js';
import type { ErrorShape } from '../exits.js';
import { fastifyReplyType, fastifyResponder } from './fastify.js';
import { koaContextType, koaResponder } from './koa.js';

export { koaRun, writeKoaExit, type KoaExit, type KoaPart } from './koa.js';
export { ExitRefused } from './shared.js';


/** Name of the mapping's first parameter: what the controller passes. */
export const answerParam = (framework: Framework): string => (framework === 'koa' ? 'ctx' : framework === 'fastify' ? 'reply' : 'res');

/** Index of the handler parameter the controller passes to the mapping. */
export const answerParamIndex = (framework: Framework): number => (framework === 'koa' ? 0 : 1);

/** The statements (one per line, no `;`) answering one kind, as the handlers of that framework answered it. */
export function responderFor(framework: Framework, shape: ErrorShape): string {
  if (framework === 'koa') return koaResponder(shape).join('\n');
  if (framework === 'fastify') return fastifyResponder(shape).join('\n');
  return responderLine(shape);
}

/** Does answering this kind throw (Koa's `ctx.throw`): no `return true` after it. */
const throws = (line: string) => /^ctx\.throw\(/.test(line);

/** Kind → statements, read back from a mapping module this transform wrote earlier (any framework). */
export function parseResponder(text: string): Map<string, string> | undefined {
  if (!text.includes(GENERATED_MARKER)) return undefined;
  if (/\(res[,:)]/.test(text)) return parseResponderLines(text);
  const out = new Map<string, string>();
  for (const m of text.matchAll(/instanceof (\w+)\)\s*\{\r?\n([\s\S]*?)\r?\n[ \t]*\}/g)) {
    const lines = m[2]
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/;$/, ''))
      .filter((l) => l && l !== 'return true');
    out.set(m[1], lines.join('\n'));
  }
  return out;
}

/** Which framework a mapping module on disk answers through. */
export function responderFramework(text: string): Framework | undefined {
  if (!text.includes(GENERATED_MARKER)) return undefined;
  return /\(ctx[,:)]/.test(text) ? 'koa' : /\(reply[,:)]/.test(text) ? 'fastify' : 'express';
}

/** The mapping module: one `if (err instanceof Kind) { ... }` per kind, returning whether it answered. */
export function responderModuleFor(framework: Framework, style: GenStyle, lines: Map<string, string>, errorsSpec: string, nl: string, name: string): string {
  if (framework === 'express') return responderModuleText(style, lines, errorsSpec, nl, name);
  const { semi, unit: u, quote: q } = style;
  const kinds = [...lines.keys()];
  const param = answerParam(framework);
  const out: string[] = [];
  if (style.strict && !style.esm) out.push(`'use strict'${semi}`, '');
  out.push(style.esm ? `import { ${kinds.join(', ')} } from ${q}${errorsSpec}${q}${semi}` : `${style.declKeyword} { ${kinds.join(', ')} } = require(${q}${errorsSpec}${q})${semi}`);
  out.push('', '/**', ` * Answers a domain error thrown by a service exactly as the route handlers answered it before (${GENERATED_MARKER}).`, ' * Returns false for any other error, which takes the path it always took.');
  const label = framework === 'koa' ? 'the Koa context of the route handler' : 'the Fastify reply of the route handler';
  if (!style.ts) out.push(` * @param {any} ${param} ${label}`, ' * @param {unknown} err', ' * @returns {boolean}');
  out.push(' */');
  const all = [...lines.values()];
  const type = framework === 'koa' ? koaTypeFromLines(all) : fastifyReplyType();
  out.push(style.ts ? `${style.esm ? 'export ' : ''}function ${name}(${param}: ${type}, err: unknown): boolean {` : `${style.esm ? 'export ' : ''}function ${name}(${param}, err) {`);
  for (const [kind, text] of lines) {
    const stmts = text.split('\n');
    out.push(`${u}if (err instanceof ${kind}) {`, ...stmts.map((s) => `${u}${u}${s}${semi}`));
    if (!throws(stmts[stmts.length - 1])) out.push(`${u}${u}return true${semi}`);
    out.push(`${u}}`);
  }
  out.push(`${u}return false${semi}`, '}');
  if (!style.esm) out.push('', `module.exports = { ${name} }${semi}`);
  return out.join(nl) + nl;
}

function koaTypeFromLines(lines: string[]): string {
  const shapes = lines.map((l) => ({ method: throws(l) ? 'throw' : 'body' }) as ErrorShape);
  return koaContextType(shapes);
}
