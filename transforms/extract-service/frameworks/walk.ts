/**
 * The framework exits the shared walk over a handler's logic does not know as response chains: Koa's runs of
 * `ctx` statements and `ctx.throw`, and the value a Fastify handler returns (Fastify sends it). Called by
 * rewriteResultFunction for every node before its own checks; `true` means the node was handled here.
 */
import { Node, type CallExpression, type Identifier, type Statement } from 'ts-morph';
import { enclosingFunction, referenced, roleOf, Unsafe, type Walk } from '../handler-model.js';
import { koaPart, koaRun, writeKoaExit } from './koa.js';
import { ExitRefused } from './shared.js';

/** What the walk lends to this module (kept out of the import graph to avoid a cycle). */
export interface WalkHelpers {
  tailOf(stmt: Node, fn: Node, root: Node): 'tail' | 'before-return' | undefined;
  insideTry(n: Node, fn: Node): boolean;
  nextStatement(stmt: Statement): Statement | undefined;
  mentionsRole(n: Node, roles: Walk['roles']): boolean;
}

const contextOf = (w: Walk) => (id: Identifier) => roleOf(referenced(id), w.roles) === 'context';

/** Is this statement a response in the framework's own form (for "does every path end in a response")? */
export function isFrameworkResponse(w: Walk, s: Statement): boolean {
  return w.site.framework === 'koa' && !!koaPart(s, contextOf(w));
}

/** Is this call a Koa response statement's call (`ctx.set(...)`, `ctx.throw(...)`): not a call of the logic. */
export function isFrameworkResponseCall(c: CallExpression, roles: Walk['roles'], framework: Walk['site']['framework']): boolean {
  if (framework !== 'koa') return false;
  const parent = c.getParent();
  const stmt = parent && Node.isAwaitExpression(parent) ? parent.getParent() : parent;
  return !!stmt && Node.isExpressionStatement(stmt) && !!koaPart(stmt, (id) => roleOf(referenced(id), roles) === 'context');
}

export function frameworkExit(w: Walk, n: Node, fn: Node, root: Node, isHandler: boolean, h: WalkHelpers): boolean {
  try {
    if (w.site.framework === 'koa') return koaExit(w, n, fn, root, h);
    if (w.site.framework === 'fastify') return fastifyReturn(w, n, fn, root, isHandler, h);
    return false;
  } catch (err) {
    if (err instanceof ExitRefused) throw new Unsafe(err.reason, err.message, err.at);
    throw err;
  }
}

function koaExit(w: Walk, n: Node, fn: Node, root: Node, h: WalkHelpers): boolean {
  if (!Node.isExpressionStatement(n) || enclosingFunction(n) !== fn) return false;
  const run = koaRun(n, contextOf(w));
  if (!run) return false;
  const last = run[run.length - 1].stmt;
  if (h.insideTry(n, root)) throw new Unsafe('response-inside-try', 'a response is written inside a try block of the logic', n);
  const tail = h.tailOf(last, fn, root);
  const parent = last.getParent();
  const list = Node.isBlock(parent) ? parent.getStatements() : [];
  const lastOfBody = list[list.length - 1] === last && list.length > run.length && parent === w.regionContainer;
  const exit = writeKoaExit(w.edits, run, tail, lastOfBody);
  for (const p of run) {
    w.handled.add(p.root);
    w.skipNodes.add(p.stmt);
  }
  if (exit.kind === 'error') {
    w.errors.push({ ...exit.shape, at: exit.at });
    (w.errorVia ??= new Set()).add('statement');
  } else {
    w.successes.push({ body: exit.body, key: exit.template.replace(/\s+/g, ' '), custom: { args: exit.args, template: exit.template, literal: exit.literal, at: exit.at } });
  }
  if (run[0].kind !== 'throw' && tail === 'before-return') w.drop.add(h.nextStatement(last)!);
  // (the values of the run are checked with the rest of the logic: request reads in a body become inputs)
  return true;
}

/** `return value` in a Fastify handler: the value is the success body (Fastify sends what the handler returns). */
function fastifyReturn(w: Walk, n: Node, fn: Node, root: Node, isHandler: boolean, h: WalkHelpers): boolean {
  if (!isHandler || !Node.isReturnStatement(n) || enclosingFunction(n) !== fn) return false;
  const e = n.getExpression();
  if (!e || h.mentionsRole(e, w.roles)) return false;
  if (h.insideTry(n, root)) throw new Unsafe('response-inside-try', 'a response is written inside a try block of the logic', n);
  w.handled.add(n);
  w.successes.push({ body: e, key: 'return \u0000', custom: { args: [], template: 'return \u0000', literal: n.getText().replace(/;$/, ''), at: n } });
  return true;
}
