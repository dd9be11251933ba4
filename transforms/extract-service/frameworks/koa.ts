/**
 * Koa (with koa-router / @koa/router): a response is a run of statements on `ctx` (`ctx.status = 404`,
 * `ctx.body = {...}`, `ctx.set(...)`, `ctx.type = ...`, `ctx.redirect(...)`) that ends its path, or `ctx.throw(...)`
 * anywhere. In the service an error run becomes `throw new NotFoundError(...)`, `ctx.throw(404, msg)` too (the
 * mapping calls `ctx.throw` again, so the app's error middleware sees the same HttpError), and the success run
 * becomes `return <body>`; the controller writes the run again around the service's result.
 */
import { Node, type Identifier, type Statement } from 'ts-morph';
import { ERROR_KINDS, type ErrorShape } from '../exits.js';
import { errorFromBody, ExitRefused, isStringTyped, objectResponse, type EditSink } from './shared.js';

type PartKind = 'status' | 'body' | 'type' | 'header' | 'redirect' | 'throw' | 'render';

/** One statement of a Koa response. */
export interface KoaPart {
  stmt: Statement;
  kind: PartKind;
  /** The `ctx` identifier the statement writes through. */
  root: Identifier;
  /** Assigned value (`status`, `body`, `type`) or call arguments (`set`, `redirect`, `throw`). */
  values: Node[];
}

const ASSIGNED: Record<string, PartKind> = { status: 'status', body: 'body', type: 'type' };
const CALLED: Record<string, PartKind> = { set: 'header', append: 'header', remove: 'header', vary: 'header', attachment: 'header', redirect: 'redirect', throw: 'throw' };

/** The Koa response statement `stmt` is, if any (`isContext` tells the handler's `ctx` apart). */
export function koaPart(stmt: Node, isContext: (id: Identifier) => boolean): KoaPart | undefined {
  if (!Node.isExpressionStatement(stmt)) return undefined;
  const e = stmt.getExpression();
  if (Node.isBinaryExpression(e) && e.getOperatorToken().getText() === '=') {
    const left = e.getLeft();
    if (!Node.isPropertyAccessExpression(left)) return undefined;
    const root = left.getExpression();
    const kind = ASSIGNED[left.getName()];
    if (!kind || !Node.isIdentifier(root) || !isContext(root)) return undefined;
    return { stmt, kind, root, values: [e.getRight()] };
  }
  // koa-views: `await ctx.render(view, locals)` renders the locals (the body)
  if (Node.isAwaitExpression(e) && Node.isCallExpression(e.getExpression())) {
    const call = e.getExpression() as import('ts-morph').CallExpression;
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'render') return undefined;
    const root = callee.getExpression();
    if (!Node.isIdentifier(root) || !isContext(root)) return undefined;
    return { stmt, kind: 'render', root, values: call.getArguments() };
  }
  if (Node.isCallExpression(e)) {
    const callee = e.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const root = callee.getExpression();
    const kind = CALLED[callee.getName()];
    if (!kind || !Node.isIdentifier(root) || !isContext(root)) return undefined;
    return { stmt, kind, root, values: e.getArguments() };
  }
  return undefined;
}

/** The run of response statements starting at `stmt` (a `ctx.throw` is a run of its own; a run never holds one). */
export function koaRun(stmt: Statement, isContext: (id: Identifier) => boolean): KoaPart[] | undefined {
  const first = koaPart(stmt, isContext);
  if (!first) return undefined;
  if (first.kind === 'throw') return [first];
  const parent = stmt.getParent();
  const list = Node.isBlock(parent) || Node.isSourceFile(parent) ? parent.getStatements() : [stmt];
  const run: KoaPart[] = [];
  for (let i = list.indexOf(stmt); i >= 0 && i < list.length; i++) {
    const p = koaPart(list[i], isContext);
    if (!p || p.kind === 'throw') break;
    run.push(p);
    if (p.kind === 'render') break;
  }
  return run;
}

/** An error or success response of the logic, rewritten in the service text. */
export type KoaExit =
  | { kind: 'error'; shape: ErrorShape; at: Node }
  | {
      kind: 'success';
      /** The value the service returns (the assigned body), if any. */
      body?: Node;
      /** Nodes the controller keeps as written (status, header arguments): they must be available there. */
      args: Node[];
      /** The controller's statements, `\u0000` where the service's result goes (no marker: no body). */
      template: string;
      /** The same with the body as written (when the controller names the result after a local of the logic). */
      literal: string;
      at: Node;
    };

const statusOf = (n: Node | undefined): number | undefined => (n && Node.isNumericLiteral(n) ? Number(n.getLiteralValue()) : undefined);

/**
 * Plans one exit and records its edits. `tail` says how the run ends its path: the last thing done (`tail`), right
 * before a bare `return;` (`before-return`, which the caller drops), or not at all (undefined: refused unless it is
 * a `ctx.throw`, which leaves the function anyway).
 */
export function writeKoaExit(edits: EditSink, run: KoaPart[], tail: 'tail' | 'before-return' | undefined, lastOfBody: boolean): KoaExit {
  const first = run[0];
  const last = run[run.length - 1];
  if (first.kind === 'throw') return throwExit(edits, first);
  if (!tail) throw new ExitRefused('response-not-in-tail', 'a response is not the last thing the handler does on its path', first.stmt);
  const text = first.stmt.getSourceFile().getFullText();
  const statusPart = run.filter((p) => p.kind === 'status').pop();
  const bodyPart = run.filter((p) => p.kind === 'body' || p.kind === 'render').pop();
  if (bodyPart?.kind === 'render' && bodyPart.values.length !== 2) throw new ExitRefused('success-response-shape', 'ctx.render without exactly a view and its locals', bodyPart.stmt);
  if (run.filter((p) => p.kind === 'status').length > 1 || run.filter((p) => p.kind === 'body' || p.kind === 'render').length > 1) {
    throw new ExitRefused('error-body-shape', 'the response assigns the status or the body twice', first.stmt);
  }
  if (statusPart && statusOf(statusPart.values[0]) === undefined) throw new ExitRefused('dynamic-status', 'the status of a response is computed by the logic', statusPart.stmt);
  const status = statusOf(statusPart?.values[0]);
  const stmtEnd = (p: KoaPart) => p.stmt.getEnd();
  const exprEnd = (p: KoaPart) => (p.stmt as import('ts-morph').ExpressionStatement).getExpression().getEnd();
  if (status !== undefined && status >= 400) {
    const known = ERROR_KINDS[status];
    if (!known) throw new ExitRefused('unmapped-error-status', `no domain error stands for status ${status}`, statusPart!.stmt);
    const other = run.find((p) => p.kind !== 'status' && p.kind !== 'body');
    if (other) throw new ExitRefused('error-response-headers', 'an error response sets headers or other options besides its status', other.stmt);
    if (bodyPart?.kind === 'render') throw new ExitRefused('error-body-shape', 'an error response rendered with a view', bodyPart.stmt);
    const body = bodyPart?.values[0];
    // (ctx.body = undefined / null is not a body Koa sends as written)
    if (body && (Node.isIdentifier(body) && body.getText() === 'undefined' || Node.isNullLiteral(body))) throw new ExitRefused('error-body-shape', 'the error body is empty', body);
    const end = bodyPart ? exprEnd(bodyPart) : exprEnd(last);
    const got = errorFromBody(edits, body, known.kind, first.stmt.getStart(), end, 'throw ');
    if (bodyPart && bodyPart !== last) edits.remove(stmtEnd(bodyPart), stmtEnd(last));
    return { kind: 'error', shape: { kind: known.kind, status, method: bodyPart ? 'body' : 'status', ...got }, at: first.stmt };
  }
  // success: the controller writes the run again; the service returns the body (a view's locals)
  const body = bodyPart?.kind === 'render' ? bodyPart.values[1] : bodyPart?.values[0];
  const pieces = run.map((p, i) => {
    let s = text.slice(p.stmt.getStart(), i === run.length - 1 ? exprEnd(p) : stmtEnd(p));
    if (p === bodyPart) s = s.slice(0, body!.getStart() - p.stmt.getStart()) + '\u0000' + s.slice(body!.getEnd() - p.stmt.getStart());
    return s;
  });
  const literal = run.map((p, i) => text.slice(p.stmt.getStart(), i === run.length - 1 ? exprEnd(p) : stmtEnd(p))).join('\n');
  const args = run.flatMap((p) => p.values.filter((v) => v !== body));
  if (bodyPart) {
    edits.replace(first.stmt.getStart(), body!.getStart(), 'return ');
    edits.remove(body!.getEnd(), exprEnd(bodyPart));
    if (bodyPart !== last) edits.remove(stmtEnd(bodyPart), stmtEnd(last));
  } else if (tail === 'tail' && lastOfBody) {
    // nothing left to return: the run's lines go
    const lineStart = text.lastIndexOf('\n', first.stmt.getStart() - 1);
    const alone = /^[ \t]*$/.test(text.slice(lineStart + 1, first.stmt.getStart()));
    if (alone) edits.remove(lineStart, stmtEnd(last));
    else edits.replace(first.stmt.getStart(), exprEnd(last), 'return');
  } else edits.replace(first.stmt.getStart(), exprEnd(last), 'return');
  return { kind: 'success', ...(body ? { body } : {}), args, template: pieces.join('\n'), literal, at: first.stmt };
}

/** `ctx.throw(404)`, `ctx.throw(404, 'message')` or `ctx.throw('message', 404)`: a domain error with that message. */
function throwExit(edits: EditSink, part: KoaPart): KoaExit {
  const args = part.values;
  const statusArg = args.find((a) => Node.isNumericLiteral(a));
  const rest = args.filter((a) => a !== statusArg);
  if (!statusArg) {
    const numeric = (a: Node) => {
      const t = a.getType();
      return t.isNumber() || t.isNumberLiteral() || (t.isUnion() && t.getUnionTypes().every((u) => u.isNumberLiteral()));
    };
    if (args.some(numeric)) throw new ExitRefused('dynamic-status', 'the status of ctx.throw is computed by the logic', part.stmt);
    throw new ExitRefused('error-body-shape', 'ctx.throw without a literal status', part.stmt);
  }
  const status = statusOf(statusArg)!;
  const known = ERROR_KINDS[status];
  if (!known) throw new ExitRefused('unmapped-error-status', `no domain error stands for status ${status}`, part.stmt);
  if (rest.length > 1 || (rest[0] && !isStringTyped(rest[0]))) throw new ExitRefused('error-body-shape', 'ctx.throw with properties or a message that is not a string', part.stmt);
  const call = (part.stmt as import('ts-morph').ExpressionStatement).getExpression();
  const got = errorFromBody(edits, rest[0], known.kind, call.getStart(), call.getEnd(), 'throw ');
  return { kind: 'error', shape: { kind: known.kind, status, method: 'throw', details: false, form: got.form }, at: part.stmt };
}

/** The statements answering one kind in the mapping, from the way the handlers answered it (`ctx` is the context). */
export function koaResponder(shape: ErrorShape): string[] {
  if (shape.method === 'throw') return [shape.form === 'text' ? `ctx.throw(${shape.status}, err.message)` : `ctx.throw(${shape.status})`];
  const status = `ctx.status = ${shape.status}`;
  if (shape.form === 'status') return [status];
  if (shape.form === 'text') return [status, 'ctx.body = err.message'];
  return [status, `ctx.body = ${objectResponse(shape)}`];
}

/** The structural type of `ctx` the mapping needs (no import of koa: any Koa context fits it). */
export function koaContextType(shapes: ErrorShape[]): string {
  const members: string[] = [];
  if (shapes.some((s) => s.method !== 'throw')) members.push('status: number', 'body: unknown');
  if (shapes.some((s) => s.method === 'throw')) members.push('throw(status: number, message?: string): never');
  return `{ ${members.join('; ')} }`;
}
