/** Phase 2b: rewriting a handler's exits (responses → returns/throws, error-first callbacks, promise chains). */
import { Node, SyntaxKind, type Block, type CallExpression, type Expression, type Identifier, type Statement, type Symbol as MorphSymbol } from 'ts-morph';
import { ERROR_KINDS, type ErrorShape } from './exits.js';
import type { HandlerFn } from './routes.js';
import { Unsafe, EXPRESS_TERMINAL, REQUEST_PARTS, STREAMING, chainRoot, type Roles, referenced, isReference, roleOf, isFunctionLike, enclosingFunction, type ResponseChain, responseChain, type Walk, insertAt, isWriteTarget } from './handler-model.js';
import { frameworkExit, isFrameworkResponse } from './frameworks/walk.js';
import { calleeUsesHttp, convertErrorFirst, dedentLines, responseCallMayThrow } from './callbacks.js'; // issue 14: error-first callbacks
import { indentAt as indentOf, lineStart as lineStartOf } from '../../src/text/lines.js';
import { FLASH_ERROR_KIND, flashBefore, flashFailure, headerBeforeAnswer, headerCall, keptArguments, relativeText } from './flash-answer.js';

export interface SuccessExit {
  /** The response chain (Express, Fastify); absent for a framework's own form (see `custom`). */
  chain?: ResponseChain;
  /** A success written in a framework's own form (Koa's `ctx` statements, a value Fastify sends): what the
   *  controller keeps as written, its statements with `\u0000` for the result, and as written. */
  custom?: { args: Node[]; template: string; literal: string; at: Node };
  /** The argument that is the body (returned by the service), if any. */
  body?: Node;
  /** The response without the body, as compared between exits: methods and their other arguments. */
  key: string;
}

export interface ChainCall {
  name: string;
  call: CallExpression;
}

export function chainCalls(chain: ResponseChain): ChainCall[] {
  const out: ChainCall[] = [];
  let cur: Node = chain.outer;
  while (Node.isCallExpression(cur)) {
    const callee = cur.getExpression() as import('ts-morph').PropertyAccessExpression;
    out.unshift({ name: callee.getName(), call: cur });
    cur = callee.getExpression();
  }
  return out;
}

export const isStringTyped = (n: Node) => {
  const t = n.getType();
  return t.isString() || t.isStringLiteral() || t.isTemplateLiteral?.() || (t.isUnion() && t.getUnionTypes().every((u) => u.isString() || u.isStringLiteral()));
};

/**
 * Is the value a string at run time, whatever the checker says? An error's message becomes `''` when it is
 * `undefined` (`new Error(undefined).message`), where the body had left the field out, and other values would be
 * stringified. The checker's `string` is not enough: `REASONS[code]`, a lookup in a `Record<string, string>`, a function
 * returning one, `JSON.stringify(undefined)` are typed `string` and may be `undefined`. So: literals and templates, a
 * `+` with a string literal or template on one side, `String(…)`, a name or property typed by string literals only,
 * `err.message` of an Error, and i18n's `res.__('literal')`. Anything else travels in the details, as written.
 */
function definitelyString(value: Node): boolean {
  let v: Node = value;
  while (Node.isParenthesizedExpression(v) || Node.isAsExpression(v) || Node.isNonNullExpression(v)) v = v.getExpression();
  if (Node.isStringLiteral(v) || Node.isNoSubstitutionTemplateLiteral(v) || Node.isTemplateExpression(v)) return true;
  if (Node.isBinaryExpression(v) && v.getOperatorToken().getText() === '+') {
    const sides = [v.getLeft(), v.getRight()];
    return sides.some((x) => definitelyString(x) && (Node.isStringLiteral(x) || Node.isNoSubstitutionTemplateLiteral(x) || Node.isTemplateExpression(x) || Node.isBinaryExpression(x)));
  }
  if (Node.isCallExpression(v)) {
    const callee = v.getExpression();
    if (Node.isIdentifier(callee) && callee.getText() === 'String' && !referenced(callee)?.getDeclarations().some((d) => !d.getSourceFile().isDeclarationFile())) return true;
    // `res.__('phrase')`: translated text (a translator returns the phrase when it has no translation)
    if (Node.isPropertyAccessExpression(callee) && TRANSLATORS.has(callee.getName()) && v.getArguments().length === 1) return definitelyString(v.getArguments()[0]);
    return false;
  }
  if (Node.isIdentifier(v) || Node.isPropertyAccessExpression(v)) {
    const t = v.getType();
    if ((t.isUnion() ? t.getUnionTypes() : [t]).every((p) => p.isStringLiteral())) return true;
    if (Node.isPropertyAccessExpression(v) && v.getName() === 'message' && isStringTyped(v)) {
      const owner = v.getExpression().getType();
      return !!owner.getProperty('name') && !!owner.getProperty('message') && !!owner.getProperty('stack');
    }
  }
  return false;
}

/** i18n-node's translation methods on the response (the request's locale). */
const TRANSLATORS = new Set(['__']);

/**
 * `res.__('Wrong answer to CAPTCHA.')`: a message translated by the response's i18n method, with one string argument
 * (no replacements, no plural form). The service throws the text itself and the mapping translates it for the request,
 * as the handler did (the locale belongs to the request, not the domain). Express only.
 */
function translatedText(w: Walk, value: Node): { method: string; arg: Node } | undefined {
  if (w.site.framework !== 'express' || !Node.isCallExpression(value)) return undefined;
  const callee = value.getExpression();
  const args = value.getArguments();
  if (!Node.isPropertyAccessExpression(callee) || !TRANSLATORS.has(callee.getName()) || args.length !== 1 || !isStringTyped(args[0])) return undefined;
  const owner = callee.getExpression();
  if (!Node.isIdentifier(owner) || roleOf(referenced(owner), w.roles) !== 'response' || mentionsRole(args[0], w.roles)) return undefined;
  w.handled.add(owner);
  return { method: callee.getName(), arg: args[0] };
}

/**
 * One response of the logic, rewritten for the service: an error status becomes `throw new XError(message, details)`,
 * the success response becomes `return body` (the controller writes it). `stmt` is the statement holding it.
 */
export function writeExit(w: Walk, chain: ResponseChain, stmt: Statement, via: 'return' | 'statement' | 'expression', tail: 'tail' | 'before-return' | undefined): void {
  const { edits } = w;
  const calls = chainCalls(chain);
  const names = calls.map((c) => c.name);
  const terminal = calls[calls.length - 1];
  let status: number | undefined;
  for (const c of calls) {
    if (c.name !== 'status' && c.name !== 'code' && c.name !== 'sendStatus') continue;
    const arg = c.call.getArguments()[0];
    const value = statusValue(arg);
    if (value === undefined) {
      // (`res.status(httpStatus.CREATED)` where the package does not declare the value: not known without running it)
      const named = arg && (Node.isIdentifier(arg) || Node.isPropertyAccessExpression(arg)) && !/\n/.test(arg.getText()) ? arg.getText() : undefined;
      throw new Unsafe('dynamic-status', named ? `the status of a response is \`${named}\`, not a number written in the handler nor a constant whose declaration gives its value` : 'the status of a response is computed by the logic', c.call);
    }
    status = value;
  }
  w.handled.add(chain.root);
  const outerStart = chain.outer.getStart();
  const outerEnd = chain.outer.getEnd();
  const args = terminal.call.getArguments();
  if (status !== undefined && status >= 400) {
    const known = ERROR_KINDS[status];
    if (!known) throw new Unsafe('unmapped-error-status', `no domain error stands for status ${status}`, chain.outer);
    if (names.some((n, i) => i < names.length - 1 && n !== 'status' && n !== 'code')) {
      throw new Unsafe('error-response-headers', 'an error response sets headers or other options besides its status', chain.outer);
    }
    const shape: ErrorShape = { kind: known.kind, status, form: 'end', details: false };
    let newText: string | undefined;
    if (terminal.name === 'sendStatus' || (terminal.name === 'end' && !args.length) || (terminal.name === 'send' && !args.length)) {
      shape.form = terminal.name === 'sendStatus' ? 'status' : 'end';
      // (Express's `send()` without a body is not quite `end()`: it answers through send's own header logic)
      if (terminal.name === 'send' && w.site.framework === 'express') shape.method = 'send';
      if (args.length > 1 || (terminal.name === 'end' && args.length)) throw new Unsafe('error-body-shape', 'the error response has an unusual form', chain.outer);
      newText = `new ${known.kind}()`;
      edits.replace(outerStart, outerEnd, newText);
    } else if (['json', 'send', 'jsonp'].includes(terminal.name) && args.length === 1) {
      const body = args[0];
      shape.method = terminal.name;
      if (Node.isObjectLiteralExpression(body)) {
        shape.form = 'object';
        const props = body.getProperties();
        for (const prop of props) {
          if (!(Node.isPropertyAssignment(prop) || Node.isShorthandPropertyAssignment(prop)) || (Node.isPropertyAssignment(prop) && !(Node.isIdentifier(prop.getNameNode()) || Node.isStringLiteral(prop.getNameNode())))) {
            throw new Unsafe('error-body-shape', 'the error body has spread or computed properties', prop);
          }
        }
        const first = props[0] as import('ts-morph').PropertyAssignment | import('ts-morph').ShorthandPropertyAssignment | undefined;
        const firstName = first ? (Node.isPropertyAssignment(first) ? first.getNameNode().getText().replace(/^['"]|['"]$/g, '') : first.getName()) : '';
        const firstValue = first ? (Node.isPropertyAssignment(first) ? first.getInitializerOrThrow() : first.getNameNode()) : undefined;
        const details = firstValue && ['error', 'message', 'msg'].includes(firstName) && definitelyString(firstValue) ? props.slice(1) : props;
        if (details !== props) {
          shape.messageKey = firstName;
          if (Node.isShorthandPropertyAssignment(first)) {
            throw new Unsafe('error-body-shape', 'the error message is a shorthand property', first);
          }
          const text = translatedText(w, firstValue!);
          if (text) shape.translate = text.method;
          const messageNode = text?.arg ?? firstValue!;
          edits.replace(outerStart, messageNode.getStart(), `new ${known.kind}(`);
          if (details.length) {
            shape.details = true;
            edits.replace(messageNode.getEnd(), details[0].getStart(), ', { ');
            edits.replace(details[details.length - 1].getEnd(), outerEnd, ' })');
          } else {
            edits.replace(messageNode.getEnd(), outerEnd, ')');
          }
        } else if (props.length) {
          shape.details = true;
          edits.replace(outerStart, props[0].getStart(), `new ${known.kind}(undefined, { `);
          edits.replace(props[props.length - 1].getEnd(), outerEnd, ' })');
        } else {
          edits.replace(outerStart, outerEnd, `new ${known.kind}()`);
        }
      } else if (terminal.name === 'send' && definitelyString(body)) {
        shape.form = 'text';
        const text = translatedText(w, body);
        if (text) shape.translate = text.method;
        const messageNode = text?.arg ?? body;
        edits.replace(outerStart, messageNode.getStart(), `new ${known.kind}(`);
        edits.replace(messageNode.getEnd(), outerEnd, ')');
      } else {
        throw new Unsafe('error-body-shape', 'the error body is not an object literal or a string', body);
      }
    } else {
      throw new Unsafe('error-body-shape', `an error response written with .${terminal.name}()`, chain.outer);
    }
    if (via === 'expression') throw new Unsafe('response-in-callback', 'an error response is the value of an arrow callback', chain.outer);
    w.errors.push({ ...shape, at: chain.outer });
    (w.errorVia ??= new Set()).add(via === 'return' ? 'return' : 'statement');
    if (via === 'return') edits.replace(stmt.getStart(), stmt.getStart() + 'return'.length, 'throw');
    else {
      insertAt(w, stmt.getStart(), 'throw ');
      if (tail === 'before-return') w.drop.add(nextStatement(stmt)!);
    }
    return;
  }
  // success
  if (!EXPRESS_TERMINAL.has(terminal.name) || terminal.name === 'render' && args.length !== 2) {
    throw new Unsafe('success-response-shape', `the success response is written with .${terminal.name}()`, chain.outer);
  }
  if (terminal.name === 'sendFile' || terminal.name === 'download') fileAnswerArgs(terminal.name, args, chain.outer);
  let body: Node | undefined;
  if (['json', 'send', 'jsonp'].includes(terminal.name)) {
    if (args.length > 1) throw new Unsafe('success-response-shape', 'the success response passes a status and a body to one call', chain.outer);
    body = args[0];
  } else if (terminal.name === 'end') {
    if (args.length > 1) throw new Unsafe('streaming-response', 'the response is ended with an encoding or callback', chain.outer);
    body = args[0];
  } else if (terminal.name === 'render') body = args[1];
  const keyParts = calls.map((c) => `${c.name}(${c.call.getArguments().map((a) => (a === body ? '\u0000' : a.getText())).join(', ')})`);
  const key = keyParts.join('.');
  if (w.site.framework === 'fastify' && via === 'return') {
    // Fastify: the handler returned the reply; the controller returns it too
    const text = chain.outer.getSourceFile().getFullText();
    const written = text.slice(outerStart, outerEnd);
    const template = body ? text.slice(outerStart, body.getStart()) + '\u0000' + text.slice(body.getEnd(), outerEnd) : written;
    const kept = calls.flatMap((c) => c.call.getArguments()).filter((a) => a !== body);
    w.successes.push({ chain, body, key: 'return ' + key, custom: { args: kept, template: 'return ' + template, literal: 'return ' + written, at: chain.outer } });
  } else {
    // (issue 14, flash-answer.ts: a flashed failure and a redirect becomes a domain error the controller answers alike)
    const failure = via === 'expression' || w.site.framework !== 'express' ? undefined : flashFailure(w, stmt, chain);
    if (failure) {
      edits.replace(failure.flash.getStart(), failure.message.getStart(), `throw new ${FLASH_ERROR_KIND}(`);
      edits.replace(failure.message.getEnd(), stmt.getEnd(), `)${failure.semi}`);
      if (via === 'statement' && tail === 'before-return') w.drop.add(nextStatement(stmt)!);
      w.handled.add(failure.owner);
      w.errors.push({ kind: FLASH_ERROR_KIND, status: 0, form: 'flash', details: false, flashLines: failure.lines, at: chain.outer });
      return;
    }
    // (issue 14, flash-answer.ts: `req.flash(…)` right before the answer stays with it in the controller)
    // (and so do headers set by statements of their own right before it: headerCall)
    const flash = via === 'expression' ? undefined : flashBefore(w, stmt, true);
    if (flash?.stmts.length) {
      const text = stmt.getSourceFile().getFullText();
      const kept = flash.stmts.map((f) => relativeText(f)).join('\n');
      const written = text.slice(outerStart, outerEnd);
      const template = `${kept}\n${body ? text.slice(outerStart, body.getStart()) + '\u0000' + text.slice(body.getEnd(), outerEnd) : written}`;
      const args = [...flash.stmts.flatMap(keptArguments), ...calls.flatMap((c) => c.call.getArguments()).filter((a) => a !== body)];
      w.successes.push({ chain, body, key: `${flash.stmts.map((f) => f.getText()).join('\n')}\n${key}`, custom: { args, template, literal: `${kept}\n${written}`, at: chain.outer } });
      for (const f of flash.stmts) edits.remove(text.lastIndexOf('\n', f.getStart() - 1), f.getEnd());
      for (const o of flash.owners) w.handled.add(o);
    } else w.successes.push({ chain, body, key });
  }
  if (body) {
    // an arrow's body that becomes an object literal needs parentheses (`(n) => ({ title: n.title })`), or it would
    // be a block with a label
    const wrap = via === 'expression' && /^\{/.test(body.getText());
    edits.replace(outerStart, body.getStart(), wrap ? '(' : '');
    edits.replace(body.getEnd(), outerEnd, wrap ? ')' : '');
    if (via === 'statement') {
      insertAt(w, stmt.getStart(), 'return ');
      if (tail === 'before-return') w.drop.add(nextStatement(stmt)!);
    }
  } else if (via === 'expression') {
    edits.replace(outerStart, outerEnd, 'undefined');
  } else if (via === 'return') {
    edits.remove(stmt.getStart() + 'return'.length, outerEnd);
  } else {
    const parent = stmt.getParent();
    const list = Node.isBlock(parent) ? parent.getStatements() : [];
    const lastOfFn = list[list.length - 1] === stmt && (parent === w.regionContainer || w.resultFns.has(parent!.getParent()!));
    if (lastOfFn && tail === 'tail') {
      const text = stmt.getSourceFile().getFullText();
      const lineStart = text.lastIndexOf('\n', stmt.getStart() - 1);
      const onlyOnLine = /^[ \t]*$/.test(text.slice(lineStart + 1, stmt.getStart()));
      if (onlyOnLine && list.length > 1) edits.remove(lineStart, stmt.getEnd());
      else edits.replace(stmt.getStart(), outerEnd, 'return');
    } else {
      edits.replace(stmt.getStart(), outerEnd, 'return');
      if (tail === 'before-return') w.drop.add(nextStatement(stmt)!);
    }
  }
}

/**
 * A file answer the controller keeps as written (`res.sendFile(path.join(DIR, 'a.txt'))`, `res.download(file, name)`)
 * takes no callback: one answers (or not) by itself when sending fails, which the service cannot see. So after the path
 * only an object literal (options) or, for download, a string by its syntax (the file name), then options.
 */
function fileAnswerArgs(method: string, args: Node[], at: Node): void {
  const rest = args.slice(1);
  const options = (a: Node | undefined) => !a || Node.isObjectLiteralExpression(a);
  const ok = method === 'sendFile' ? rest.length <= 1 && options(rest[0]) : rest.length <= 2 && (rest.length === 0 || definitelyString(rest[0])) && options(rest[1]);
  if (!ok) throw new Unsafe('streaming-response', `the file answer (.${method}()) takes a callback, or arguments not known to be its options or file name`, at);
}

export function assignedIn(region: Statement[], sym: MorphSymbol): boolean {
  return region.some((r) =>
    r.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id.getSymbol() === sym && isWriteTarget(id)),
  );
}

export function nextStatement(stmt: Statement): Statement | undefined {
  return siblingStatement(stmt, 1);
}

/** The statement after (1) or before (-1) `stmt` in its block (comments are not statements), or undefined. */
function siblingStatement(stmt: Node, offset: 1 | -1): Statement | undefined {
  const parent = stmt.getParent();
  if (!Node.isBlock(parent)) return undefined;
  const list = parent.getStatements();
  const i = list.indexOf(stmt as Statement);
  return i < 0 ? undefined : list[i + offset];
}

/** Does every path through these statements end in a return or throw (nothing falls off the end)? */
export function terminates(stmts: Statement[], isResponse: (s: Statement) => boolean): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (Node.isReturnStatement(last) || Node.isThrowStatement(last) || isResponse(last)) return true;
  if (Node.isBlock(last)) return terminates(last.getStatements(), isResponse);
  if (Node.isTryStatement(last) && transparentTries.has(last)) return terminates(last.getTryBlock().getStatements(), isResponse);
  // (a try the service keeps, its answers in the try block and in the catch)
  if (Node.isTryStatement(last) && !last.getFinallyBlock() && last.getCatchClause()) return terminates(last.getTryBlock().getStatements(), isResponse) && terminates(last.getCatchClause()!.getBlock().getStatements(), isResponse);
  if (Node.isIfStatement(last)) {
    const other = last.getElseStatement();
    const branch = (s: Statement) => (Node.isBlock(s) ? terminates(s.getStatements(), isResponse) : terminates([s], isResponse));
    return !!other && branch(last.getThenStatement()) && branch(other);
  }
  return false;
}

/** Is `stmt` the last thing run in result function `fn` (region root `root` when it is the handler itself)? */
export function tailOf(stmt: Node, fn: Node, root: Node): 'tail' | 'before-return' | undefined {
  let cur: Node = stmt;
  let first = true;
  let beforeReturn = false;
  for (;;) {
    const parent = cur.getParent();
    if (!parent) return undefined;
    if (Node.isBlock(parent) || Node.isSourceFile(parent)) {
      const list = parent.getStatements();
      const i = list.indexOf(cur as Statement);
      if (i < list.length - 1) {
        const after = list[i + 1];
        if (first && Node.isReturnStatement(after) && !after.getExpression()) beforeReturn = true;
        else return undefined;
      }
      if (parent === root || parent === (fn as HandlerFn).getBody?.()) return beforeReturn ? 'before-return' : 'tail';
      cur = parent;
    } else if (Node.isIfStatement(parent) || (Node.isTryStatement(parent) && transparentTries.has(parent) && parent.getTryBlock() === cur)) {
      cur = parent;
    } else if (Node.isCatchClause(parent) || (Node.isTryStatement(parent) && !parent.getFinallyBlock() && (parent.getTryBlock() === cur || parent.getCatchClause() === cur))) {
      // (a try the service keeps: answerInTry decides whether an answer inside it may be an exit)
      cur = parent;
    } else {
      return undefined;
    }
    first = false;
    if (beforeReturn) {
      // the response is followed by `return;` in its own block: leaving the function right there
      // (callers have refused a try around it, or answerInTry has taken it)
      return 'before-return';
    }
  }
}

/**
 * A response inside a try of the logic that stays a try in the service (issue 14): the try keeps its catch there, an
 * answer in the catch becomes the service's return or a domain error thrown out of the catch (the controller answers
 * it), an answer in the try block the service's return. The reason it cannot, or undefined:
 * - a finally would run before the answer, no longer after it;
 * - an error answer becomes a throw, which a try block around it would catch;
 * - a success answer in a try block: its call moves to the controller, outside the try, so it must not throw (the
 *   catch answered that before: a body JSON.stringify fails on, a view). `callMayThrow` says whether it may.
 * A try outside a nested function (a callback's answer inside a try of the handler) is not taken.
 */
export function answerInTry(n: Statement, root: Node, errorAnswer: boolean, callMayThrow: () => Node | undefined): string | undefined {
  const fn = enclosingFunction(n);
  let inTryBlock = false;
  for (let cur: Node = n, p = n.getParent(); p && cur !== root; cur = p, p = p.getParent()) {
    if (Node.isTryStatement(p) && !transparentTries.has(p)) {
      if (enclosingFunction(p) !== fn) return 'a response is written in a callback inside a try block of the logic';
      if (p.getFinallyBlock()) return 'a response is written inside a try with a finally block, which would run before the answer instead of after it';
      if (p.getTryBlock() === cur) inTryBlock = true;
    }
  }
  if (!inTryBlock) return undefined;
  if (errorAnswer) return 'an error answer is written inside a try block of the logic: thrown by the service as a domain error, the try\'s own catch would take it';
  const risky = callMayThrow();
  if (risky) return `a response is written inside a try block of the logic and \`${risky.getText().split('\n')[0].slice(0, 50)}\` may throw: the catch answered that, from the controller it would not reach it`;
  return undefined;
}

/** The status a response chain answers with, when written as a number (`res.status(404).json(…)`, `sendStatus(204)`) or a constant (statusValue). */
export function literalStatus(chain: ResponseChain): number | undefined {
  let status: number | undefined;
  for (const c of chainCalls(chain)) {
    if (c.name !== 'status' && c.name !== 'code' && c.name !== 'sendStatus') continue;
    const value = statusValue(c.call.getArguments()[0]);
    if (value !== undefined) status = value;
  }
  return status;
}

/**
 * A status argument's value when it is known without running the code: a number written there, a member of an enum
 * (`StatusCodes.NOT_FOUND` of http-status-codes, an enum of the app: the checker computes its value), or a constant a
 * package's declarations give a number type of one value (`httpStatus.NOT_FOUND`, `readonly NOT_FOUND: 404` in
 * http-status; `export declare const NOT_FOUND = 404`). An HTTP status code (100–999) or undefined.
 */
export function statusValue(arg: Node | undefined): number | undefined {
  if (!arg) return undefined;
  let value: unknown;
  if (Node.isNumericLiteral(arg)) value = Number(arg.getLiteralValue());
  else if (Node.isIdentifier(arg) || Node.isPropertyAccessExpression(arg)) {
    const name = Node.isPropertyAccessExpression(arg) ? arg.getNameNode() : arg;
    let sym = name.getSymbol();
    if (sym?.isAlias()) sym = sym.getAliasedSymbol();
    const decls = sym?.getDeclarations() ?? [];
    const decl = decls.length === 1 ? decls[0] : undefined;
    const declared = !!decl && decl.getSourceFile().isDeclarationFile() && decl.getSourceFile().isInNodeModules();
    const literal = (t: import('ts-morph').Type) => (t.isNumberLiteral() ? t.getLiteralValue() : undefined);
    if (decl && Node.isEnumMember(decl)) value = decl.getValue();
    else if (decl && declared && Node.isPropertySignature(decl) && decl.isReadonly()) value = literal(decl.getType());
    else if (decl && declared && Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === 'const') value = literal(decl.getType());
  }
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 999 ? value : undefined;
}

/** A try unwrapped in the service (its block joins the enclosing one). */
export function isTransparentTry(n: Node): boolean {
  return transparentTries.has(n);
}

export function insideTry(n: Node, fn: Node): boolean {
  for (let p = n.getParent(); p && p !== fn; p = p.getParent()) {
    if ((Node.isTryStatement(p) && !transparentTries.has(p)) || Node.isCatchClause(p)) return true;
  }
  return false;
}

/**
 * A conversion that hands errors to `next` through the controller: with 'forward' (the option) and 'rejection'
 * (Express 5, which would turn a falsy rejection into an Error) the controller's catch calls `next` itself.
 */
function controllerForwards(w: Walk): void {
  if (w.nextMayThrow === 'forward' || w.nextMayThrow === 'rejection' || w.nextMayThrow === 'inert') w.forwardsToNext = true;
}

/**
 * Tries whose catch only hands the error to `next`, unwrapped in the service (see unwrapForwardingTry): their blocks
 * count as the enclosing block for tail positions and paths, and they are no try of the logic.
 */
const transparentTries = new WeakSet<Node>();

/** `catch (error) { next(error) }` or `return next(error)`: the catch clause's only statement forwards its error. */
export function catchForwardsToNext(clause: Node | undefined, roles: Roles): Identifier | undefined {
  if (!clause || !Node.isCatchClause(clause)) return undefined;
  const v = clause.getVariableDeclaration()?.getNameNode();
  const list = clause.getBlock().getStatements();
  if (!v || !Node.isIdentifier(v) || list.length !== 1) return undefined;
  const only = list[0];
  const e = Node.isExpressionStatement(only) ? only.getExpression() : Node.isReturnStatement(only) ? only.getExpression() : undefined;
  if (!e || !Node.isCallExpression(e) || e.getArguments().length !== 1) return undefined;
  const callee = e.getExpression();
  const arg = e.getArguments()[0];
  if (!Node.isIdentifier(callee) || roleOf(referenced(callee), roles) !== 'next' || !Node.isIdentifier(arg) || referenced(arg) !== v.getSymbol()) return undefined;
  return callee;
}

/**
 * A try at the tail of the handler whose catch only hands the error to `next`: the service keeps the try block's
 * statements without the try (its failures reject or throw out of the method), and the controller hands every error
 * that is not a domain error to `next`, as the catch did. Sound when a throw of the logic outside the try reached
 * `next` already (Walk.nextMayThrow): a final catch forwarding to next, a synchronous handler, Express 5's handling of
 * rejected handler promises, or the option throwsToNext accepting that such a throw, an unhandled rejection before,
 * now reaches next. The catch's `next` call is gone with the catch.
 */
function unwrapForwardingTry(w: Walk, n: Node, fn: Node, root: Node): boolean {
  if (!Node.isTryStatement(n) || enclosingFunction(n) !== fn || n.getFinallyBlock()) return false;
  const callee = catchForwardsToNext(n.getCatchClause(), w.roles);
  if (!callee || insideTry(n, root)) return false;
  const stmts = n.getTryBlock().getStatements();
  if (!stmts.length || !tailOf(n, fn, root)) return false;
  if (!w.nextMayThrow) {
    throw new Unsafe('try-forwards-to-next', w.nextWhy ? `a try whose catch hands errors to next, while ${w.nextWhy}` : 'a try whose catch hands errors to next, in an async handler without a final catch: a throw of the logic outside it was an unhandled rejection, from the service it would reach next (--throws-to-next accepts that)', n);
  }
  unwrapTry(w, n, 'try-forwards-to-next', 'hands errors to next');
  w.handled.add(callee);
  controllerForwards(w);
  return true;
}

/**
 * The try's statements join the enclosing block in the service (lines moved left); `try {` and the catch go. The
 * try is transparent from then on (tail positions, paths). `reason` names the refusal when that cannot be done.
 */
function unwrapTry(w: Walk, n: import('ts-morph').TryStatement, reason: string, what: string): void {
  const fn = w.site.fn;
  const stmts = n.getTryBlock().getStatements();
  const file = n.getSourceFile();
  const text = file.getFullText();
  const block = n.getTryBlock();
  const clause = n.getCatchClause()!;
  // the block's own declarations join the enclosing block: a name written outside the try too would be redeclared,
  // or read before its declaration there (`const x = db.get(); try { const db = … }`)
  const own = stmts.flatMap((st) =>
    Node.isVariableStatement(st)
      ? st.getDeclarations().flatMap((d) => [d.getNameNode(), ...d.getNameNode().getDescendantsOfKind(SyntaxKind.Identifier)].filter((x) => Node.isIdentifier(x)).map((x) => x.getText()))
      : Node.isClassDeclaration(st) || Node.isFunctionDeclaration(st) || Node.isEnumDeclaration(st)
        ? [st.getName() ?? '']
        : [],
  );
  const outside = new Set(fn.getDescendantsOfKind(SyntaxKind.Identifier).filter((x) => (x.getStart() < block.getStart() || x.getStart() >= block.getEnd()) && isReference(x)).map((x) => x.getText()));
  const taken = own.find((name) => name && outside.has(name));
  if (taken) throw new Unsafe(reason, `the try declares \`${taken}\`, a name the handler also uses outside it: without the try it would be declared twice or read too early`, n);
  if (/\/[/*]/.test(text.slice(n.getStart(), stmts[0].getStart())) || /\/[/*]/.test(text.slice(stmts[stmts.length - 1].getEnd(), n.getEnd()))) {
    throw new Unsafe(reason, `a comment around the try that ${what} would be lost`, clause);
  }
  // `try {` up to the first statement, and from the last statement to the catch's end, go; the lines move left
  w.edits.remove(n.getStart(), stmts[0].getStart());
  w.edits.remove(stmts[stmts.length - 1].getEnd(), n.getEnd());
  dedentLines(w, block, lineStartOf(text, stmts[0].getStart()), stmts[stmts.length - 1].getEnd(), indentOf(text, stmts[0].getStart()).length - indentOf(text, n.getStart()).length);
  transparentTries.add(n);
}

/**
 * The tail try of the logic whose catch answers by itself (`catch (err) { res.status(500).json(…) }`), chosen by
 * analyze.ts (Walk.keptTry): its statements move into the service without the try, and the controller wraps the
 * service call and the success response in the same catch, kept as written (Extraction.keptCatch). analyze.ts has
 * proven that the logic before the try cannot throw, so the catch receives what it received before: throws of the
 * try's statements and of the success response, plus the domain errors, which it answers first.
 */
function unwrapAnsweringTry(w: Walk, n: Node): boolean {
  if (n !== w.keptTry || !Node.isTryStatement(n)) return false;
  unwrapTry(w, n, 'response-inside-try', 'answers by itself');
  return true;
}

/**
 * A statement calling an error-first API with a callback as last argument, the callback forwarding its error to
 * `next` first: `db.removeUser(id, function (err, removed) { if (err) return next(err); ... })`.
 */
export interface ErrorFirstTail {
  stmt: Statement;
  call: CallExpression;
  cb: import('ts-morph').ArrowFunction | import('ts-morph').FunctionExpression;
  errStmt: Statement;
  /** `if (err) { … } else { <rest> }`: the statements that run on success are the else block's. */
  rest?: Statement[];
  /**
   * The error is answered in the callback (`if (err) return res.status(400).send({ message: err.message })`) instead
   * of handed to next: that branch, kept word for word as the controller's reaction to a failed service call.
   */
  answer?: Statement;
}

/** The statements of an error-first callback that run when there is no error. */
export function successStatements(t: ErrorFirstTail): Statement[] {
  return t.rest ?? (t.cb.getBody() as Block).getStatements().filter((s) => s !== t.errStmt);
}

/**
 * `db.find(id, function (err, row) { if (err) return next(err); … })`: a statement calling an API with an error-first
 * callback as last argument, whose first statement hands the error to `next` or answers it (`if (err) { return
 * res.status(400).send(…); }`, MEAN.js's `if (err) { return res.status(422).send(…); } else { res.json(article); }`).
 */
export function errorFirstTail(stmt: Statement | undefined, roles: Roles): ErrorFirstTail | undefined {
  if (!stmt || !Node.isExpressionStatement(stmt)) return undefined;
  const call = stmt.getExpression();
  if (!Node.isCallExpression(call)) return undefined;
  const args = call.getArguments();
  const cb = args[args.length - 1];
  if (!cb || !(Node.isArrowFunction(cb) || Node.isFunctionExpression(cb)) || cb.isAsync()) return undefined;
  if (Node.isFunctionExpression(cb) && cb.isGenerator()) return undefined;
  const body = cb.getBody();
  if (!Node.isBlock(body)) return undefined;
  const params = cb.getParameters();
  if (params.length < 1 || params.length > 2 || params.some((p) => !Node.isIdentifier(p.getNameNode()) || p.isRestParameter() || p.hasInitializer())) return undefined;
  const errName = params[0].getName();
  const list = body.getStatements();
  const first = list[0];
  if (!first || !Node.isIfStatement(first) || first.getExpression().getText() !== errName) return undefined;
  // `else { … }` or `else if (…) …` holding the rest: only as the callback's one statement
  const otherwise = first.getElseStatement();
  if (otherwise && (list.length !== 1 || (Node.isBlock(otherwise) && !otherwise.getStatements().length))) return undefined;
  const rest = otherwise ? (Node.isBlock(otherwise) ? otherwise.getStatements() : [otherwise]) : undefined;
  const branch = first.getThenStatement();
  let then: Node = branch;
  if (Node.isBlock(then) && then.getStatements().length === 1) then = then.getStatements()[0];
  const forwarded = Node.isReturnStatement(then) ? then.getExpression() : Node.isExpressionStatement(then) ? then.getExpression() : undefined;
  const errSym = params[0].getNameNode().getSymbol();
  const uses = body.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i.getSymbol() === errSym && isReference(i));
  const toNext = !!forwarded && Node.isCallExpression(forwarded) && forwarded.getArguments().length === 1 && forwarded.getArguments()[0].getText() === errName && Node.isIdentifier(forwarded.getExpression()) && roleOf(referenced(forwarded.getExpression() as Identifier), roles) === 'next';
  let answer: Statement | undefined;
  if (toNext) {
    if (!Node.isReturnStatement(then) && list.length > 1 && !rest) return undefined; // `if (err) next(err);` falls through
    // the error is used only there
    if (uses.length !== 2) return undefined;
  } else {
    // an answer: responses and request calls (`req.flash(…)`), leaving the callback (a return last, or the else)
    if (!errorAnswer(branch, roles, !!rest, errName)) return undefined;
    if (uses.some((u) => u !== first.getExpression() && !(u.getStart() >= branch.getStart() && u.getEnd() <= branch.getEnd()))) return undefined;
    answer = branch;
  }
  if (calleeUsesHttp(call.getExpression(), roles) || args.slice(0, -1).some((a) => mentionsResponse(a, roles))) return undefined; // issue 14: request reads in a query chain
  return { stmt, call, cb, errStmt: first, ...(rest ? { rest } : {}), ...(answer ? { answer } : {}) };
}

/**
 * The branch answering a callback's error: statements that are responses, calls of the request's own methods
 * (`req.flash`) or `return`, with a response on every way out and nothing after it (unless an else follows).
 */
function errorAnswer(branch: Statement, roles: Roles, elseFollows: boolean, errName: string): boolean {
  const list = Node.isBlock(branch) ? branch.getStatements() : [branch];
  if (!list.length || list.some((s) => s.getFirstDescendant(isFunctionLike))) return false;
  // `if (err) throw err;` (old tutorials): rethrown by the reaction, outside the promise, an uncaught exception as before
  if (list.length === 1 && Node.isThrowStatement(list[0]) && list[0].getExpression()?.getText() === errName) return true;
  const response = (e: Node | undefined) => !!e && Node.isCallExpression(e) && isHttpCall(e, roles);
  let answered = false;
  for (const [i, s] of list.entries()) {
    const e = Node.isExpressionStatement(s) ? s.getExpression() : Node.isReturnStatement(s) ? s.getExpression() : undefined;
    if (Node.isReturnStatement(s) && i !== list.length - 1) return false;
    if (Node.isReturnStatement(s) && !e) continue;
    if (!response(e)) return false;
    if (responseChain(e!, roles, 'express')) answered = true;
  }
  const last = list[list.length - 1];
  return answered && (elseFollows || Node.isReturnStatement(last));
}

/** A call of the response's or the request's own methods (`res.status(400).send(…)`, `req.flash('errors', …)`). */
function isHttpCall(e: CallExpression, roles: Roles): boolean {
  const root = chainRoot(e.getExpression());
  if (!Node.isIdentifier(root)) return false;
  const role = roleOf(referenced(root), roles);
  return role === 'response' || (role === 'request' && Node.isPropertyAccessExpression(e.getExpression()) && !REQUEST_PARTS.has((e.getExpression() as import('ts-morph').PropertyAccessExpression).getName()));
}

/**
 * A promise chain ending in `.catch(next)`: `db.find(id).then(function (user) { ... }).catch(next)`; or ending in a
 * catch callback of its own (`.catch((err) => res.status(500).json({ message: err.message }))`, `custom`), which the
 * controller keeps as written.
 */
export function promiseChainTail(expr: Expression, roles: Roles): { thens: CallExpression[]; catchCall?: CallExpression; custom?: HandlerFn; unhandled?: true; onRejected?: HandlerFn } | undefined {
  if (!Node.isCallExpression(expr)) return undefined;
  const callee = expr.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  // (a chain without a catch, legacy code's usual `Model.find(…).then(function (x) { … res.json(…) })`: its failures
  // were unhandled rejections, the controller leaves them unhandled too; its last `.then` may take a rejection
  // callback, which handles the failures of what came before it only)
  if (callee.getName() === 'then') {
    const args = expr.getArguments();
    const onRejected = args[1];
    if (args.length > 2 || (onRejected && !isPlainCallback(onRejected))) return undefined;
    const thens = thensBefore(expr);
    if (!thens) return undefined;
    return { thens, unhandled: true, ...(onRejected ? { onRejected: onRejected as HandlerFn } : {}) };
  }
  if (callee.getName() !== 'catch') return undefined;
  const args = expr.getArguments();
  if (args.length !== 1) return undefined;
  const arg = args[0];
  const toNext = Node.isIdentifier(arg) ? roleOf(referenced(arg as Identifier), roles) === 'next' : forwardsToNext(arg, roles);
  const custom = !toNext && isPlainCallback(arg) ? (arg as HandlerFn) : undefined;
  if (!toNext && !custom) return undefined;
  const thens = thensBefore(callee.getExpression());
  if (!thens) return undefined;
  return { thens, catchCall: expr, ...(custom ? { custom } : {}) };
}

/** An arrow or function expression that is not a generator. */
function isPlainCallback(n: Node): boolean {
  return Node.isArrowFunction(n) || (Node.isFunctionExpression(n) && !n.isGenerator());
}

/** The `.then` calls ending at `last` (inclusive), outermost last; each but `last` with one argument. */
function thensBefore(last: Node): CallExpression[] | undefined {
  const thens: CallExpression[] = [];
  let cur: Node = last;
  while (Node.isCallExpression(cur)) {
    const c = cur.getExpression();
    if (!Node.isPropertyAccessExpression(c) || c.getName() !== 'then' || (cur !== last && cur.getArguments().length !== 1)) break;
    thens.unshift(cur);
    cur = c.getExpression();
  }
  return thens.length ? thens : undefined;
}

/**
 * `(error) => { next(error) }`, `(err) => next(err)`, `function (err) { return next(err) }`: a catch callback that only
 * hands its error to `next`, as `.catch(next)` does (one argument, the result unused; nothing else runs).
 */
export function forwardsToNext(cb: Node, roles: Roles): boolean {
  if (!(Node.isArrowFunction(cb) || Node.isFunctionExpression(cb)) || cb.isAsync() || (Node.isFunctionExpression(cb) && cb.isGenerator())) return false;
  const params = cb.getParameters();
  const p = params[0]?.getNameNode();
  if (params.length !== 1 || !p || !Node.isIdentifier(p) || params[0].hasInitializer() || params[0].isRestParameter()) return false;
  if (/\/[/*]/.test(cb.getText())) return false; // a comment would be lost
  const body = cb.getBody();
  let call: Node | undefined = body;
  if (Node.isBlock(body)) {
    const stmts = body.getStatements();
    if (stmts.length !== 1) return false;
    const s = stmts[0];
    call = Node.isExpressionStatement(s) ? s.getExpression() : Node.isReturnStatement(s) ? s.getExpression() : undefined;
  }
  if (!call || !Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  const arg = call.getArguments();
  return Node.isIdentifier(callee) && roleOf(referenced(callee), roles) === 'next' && arg.length === 1 && Node.isIdentifier(arg[0]) && referenced(arg[0] as Identifier) === p.getSymbol();
}

/** The result callback of a chain (its last `.then`), checked to be a function. */
export function resultCallback(thenCall: CallExpression): HandlerFn | undefined {
  const cb = thenCall.getArguments()[0];
  return Node.isArrowFunction(cb) || Node.isFunctionExpression(cb) ? cb : undefined;
}

/**
 * Checks and rewrites one result function: every response is in tail position and becomes `return respond()...`,
 * every other `return` carries no value (or returns a nested chain whose last callback is itself a result function).
 */
export function rewriteResultFunction(w: Walk, fn: Node, root: Node, isHandler: boolean, skip?: Node): void {
  w.resultFns.add(fn);
  const { roles, site } = w;
  const body = Node.isBlock(root) ? root : (fn as HandlerFn).getBody();
  // Expression-bodied arrow callback: `(user) => res.json(user)`.
  if (body && !Node.isBlock(body)) {
    const chain = responseChain(body, roles, site.framework);
    if (!chain) return;
    writeExit(w, chain, body as unknown as Statement, 'expression', 'tail');
    return;
  }
  const statementsOf = (n: Node): Statement[] => (Node.isBlock(n) ? n.getStatements() : []);
  // (`next()` handing the request on ends a path like an answer: nextPassOn)
  const isResponse = (s: Statement) => w.converted.has(s) || (Node.isExpressionStatement(s) && !!responseChain(s.getExpression(), roles, site.framework)) || isFrameworkResponse(w, s) || (isHandler && Node.isExpressionStatement(s) && !!passOnCall(w, s));
  const visit = (n: Node) => {
    if (n !== fn && isFunctionLike(n)) return; // nested functions are checked by their own rules
    if (n === skip) return;
    if (w.skipNodes.has(n)) {
      // (a converted callback's `if (err) { … } else { <rest> }`: the rest is the logic)
      for (const r of w.restOf?.get(n) ?? []) visit(r);
      return;
    }
    if (frameworkExit(w, n, fn, root, isHandler, { tailOf, insideTry, nextStatement, mentionsRole })) return;
    if (!isHandler && site.framework === 'express' && Node.isExpressionStatement(n) && enclosingFunction(n) === fn && !w.converted.has(n)) {
      const list = Node.isBlock(n.getParent()) ? (n.getParent() as Block).getStatements() : [];
      const inner = list[list.length - 1] === n && n.getParent() === body ? errorFirstTail(n, roles) : undefined;
      if (inner && !insideTry(n, root)) {
        convertErrorFirst(w, inner); // issue 14: callbacks.ts
        rewriteResultFunction(w, inner.cb, inner.cb, false);
        n.getExpression().forEachChild(function visitOuter(c) { if (c !== inner.cb) visit(c); });
        return;
      }
    }
    if (w.converted.has(n)) return;
    if (isHandler && nextPassOn(w, n, fn, root)) return;
    if (isHandler && nextToThrow(w, n, fn, root)) return;
    if (isHandler && statusThenThrow(w, n, fn)) return;
    if (isHandler && site.framework === 'express' && (unwrapAnsweringTry(w, n) || unwrapForwardingTry(w, n, fn, root))) {
      for (const s of (n as import('ts-morph').TryStatement).getTryBlock().getStatements()) visit(s);
      return;
    }
    if (Node.isReturnStatement(n) && enclosingFunction(n) === fn) {
      const e = n.getExpression();
      if (!e) {
        if (w.drop.has(n)) return;
        // (`throw new Error('No order items'); return`: never reached, it stays as written)
        if (Node.isThrowStatement(siblingStatement(n, -1))) return;
        // (after `next(err)` that could not become a throw: that says why)
        if (w.pending?.reason === 'next-in-logic') throw w.pending;
        // (`const file = verifyFileExists(id, res); if (!file) return;`: the helper handed the response answered)
        const handed = responseHandedOn(fn, roles, n);
        if (handed) throw new Unsafe('res-passed-to-helper', `the response object is passed to \`${handed.getExpression().getText().slice(0, 40)}\`, which may answer: a path of the logic returns after it without answering itself`, handed);
        throw new Unsafe('path-without-response', 'a path of the logic returns without answering the request', n);
      }
      const chain = responseChain(e, roles, site.framework);
      if (chain) {
        inTryOrThrow(w, n, chain, root);
        writeExit(w, chain, n, 'return', 'tail');
        return;
      }
      // `return other.then(function (x) { ... res.json(x) })`: the nested chain's value is the result.
      if (Node.isCallExpression(e)) {
        const c = e.getExpression();
        if (Node.isPropertyAccessExpression(c) && c.getName() === 'then' && e.getArguments().length === 1) {
          const cb = resultCallback(e);
          if (cb && mentionsResponse(cb, roles)) {
            rewriteResultFunction(w, cb, cb, false);
            n.getExpression()!.forEachChild(function visitOuter(c) { if (c !== cb) visit(c); });
            return;
          }
        }
      }
      // (`return next(err)` that could not become a throw: that says why)
      if (w.pending?.reason === 'next-in-logic' && Node.isCallExpression(e) && roleOf(referenced(e.getExpression() as Identifier), roles) === 'next') throw w.pending;
      if (mentionsRole(e, roles)) throw new Unsafe('response-not-in-tail', 'a returned value uses the response', n);
      throw new Unsafe('returns-value', 'the handler returns a value that is not a response', n);
    }
    if (Node.isExpressionStatement(n) && enclosingFunction(n) === fn) {
      // (headers set right before the success answer go with it: writeExit's flashBefore takes them)
      if (isHandler && headerBeforeAnswer(n, w)) return;
      const chain = responseChain(n.getExpression(), roles, site.framework);
      if (chain) {
        const tail = tailOf(n, fn, root);
        inTryOrThrow(w, n, chain, root);
        if (!tail) throw new Unsafe('response-not-in-tail', 'a response is not the last thing the handler does on its path', n);
        writeExit(w, chain, n, 'statement', tail);
        return;
      }
    }
    n.forEachChild(visit);
  };
  for (const s of statementsOf(body!)) visit(s);
  if (!(isHandler && skip) && !terminates(statementsOf(body!), isResponse)) {
    // reported after the other checks: a response written in a callback explains this better
    w.pending ??= new Unsafe('path-without-response', 'a path of the logic ends without answering the request', fn);
  }
}

/** Refuses a response inside a try of the logic unless answerInTry takes it (Express; other frameworks refused before). */
function inTryOrThrow(w: Walk, n: Statement, chain: ResponseChain, root: Node): void {
  if (!insideTry(n, root)) return;
  const status = literalStatus(chain);
  const why = w.site.framework === 'express' ? answerInTry(n, root, status !== undefined && status >= 400, () => responseCallMayThrow(w, n) ?? answerMayThrow(chain)) : 'a response is written inside a try block of the logic';
  if (why) throw new Unsafe('response-inside-try', why, n);
}

/**
 * Whether Express's response methods themselves may throw on this answer, moved out of a try (adversarial round 15,
 * F4, F6): only `status(<code>)` before `json`/`jsonp`/`send` of a value JSON.stringify cannot fail on whatever the
 * program holds at run time (told by its syntax, not by declared types: a `number` may hold a BigInt), `sendStatus(<code>)`,
 * `end()` and `redirect('<literal>')`. `send` of a number is a status in Express 4; headers, cookies, types, views
 * and an `end` with a body all throw on some values. The node that may throw, or undefined.
 */
function answerMayThrow(chain: ResponseChain): Node | undefined {
  const code = (a: Node | undefined) => statusValue(a) !== undefined;
  const calls = chainCalls(chain);
  for (const c of calls.slice(0, -1)) if (c.name !== 'status' || c.call.getArguments().length !== 1 || !code(c.call.getArguments()[0])) return c.call;
  const last = calls[calls.length - 1];
  const args = last.call.getArguments();
  switch (last.name) {
    case 'json':
    case 'jsonp':
      return args.length === 1 && jsonSafe(args[0]) ? undefined : last.call;
    case 'send': {
      // (a string, or an object or array sent as JSON; a number is a status in Express 4, a boolean is sent as JSON
      // in one version and refused in another)
      const sent = args.length === 1 ? constValue(args[0]) : undefined;
      return sent && (jsonKind(sent, 'string') || ((Node.isObjectLiteralExpression(sent) || Node.isArrayLiteralExpression(sent)) && jsonSafe(sent))) ? undefined : last.call;
    }
    case 'sendStatus':
      return args.length === 1 && code(args[0]) ? undefined : last.call;
    case 'end':
      return args.length ? last.call : undefined;
    case 'redirect':
      return args.length === 1 && (Node.isStringLiteral(args[0]) || Node.isNoSubstitutionTemplateLiteral(args[0])) ? undefined : last.call;
    default:
      return last.call;
  }
}

/** Without parentheses, `as` and `!`. */
function unwrapped(v: Node): Node {
  let x = v;
  while (Node.isParenthesizedExpression(x) || Node.isAsExpression(x) || Node.isNonNullExpression(x)) x = x.getExpression();
  return x;
}

/** The initializer of the `const` a name is, when it is declared once, else undefined. */
function constInitializer(x: Node): Node | undefined {
  if (!Node.isIdentifier(x)) return undefined;
  const decls = referenced(x)?.getDeclarations() ?? [];
  const d = decls.length === 1 ? decls[0] : undefined;
  return d && Node.isVariableDeclaration(d) && d.getVariableStatement()?.getDeclarationKind() === 'const' && Node.isIdentifier(d.getNameNode()) ? d.getInitializer() : undefined;
}

/** The expression a name stands for when it is a `const` declared once with an initializer (a few steps), else the node. */
function constValue(v: Node, depth = 0): Node {
  const x = unwrapped(v);
  const init = depth > 2 ? undefined : constInitializer(x);
  return init ? constValue(init, depth + 1) : x;
}

/** `Number(…)`, `String(…)` or `Boolean(…)` of the language (not a function of the app by that name): which, if so. */
function conversionOf(x: Node): string | undefined {
  if (!Node.isCallExpression(x)) return undefined;
  const callee = x.getExpression();
  if (!Node.isIdentifier(callee) || !['Number', 'String', 'Boolean'].includes(callee.getText())) return undefined;
  return (referenced(callee)?.getDeclarations() ?? []).every((d) => d.getSourceFile().isDeclarationFile()) ? callee.getText() : undefined;
}

/** A value whose syntax makes it a number (a literal or `Number(…)`), or a string, as `kind` asks (through consts). */
function jsonKind(v: Node, kind: 'number' | 'string'): boolean {
  const x = constValue(v);
  if (kind === 'string' && (Node.isStringLiteral(x) || Node.isNoSubstitutionTemplateLiteral(x) || Node.isTemplateExpression(x))) return true;
  if (kind === 'number' && Node.isNumericLiteral(x)) return true;
  return conversionOf(x) === (kind === 'number' ? 'Number' : 'String');
}

/**
 * JSON.stringify cannot fail on it, whatever the program holds: literals, `Number(…)`/`String(…)`/`Boolean(…)` of the
 * language, templates, `!x`, and arrays and object literals of those; a `const` initialised with one of those.
 */
function jsonSafe(v: Node, depth = 0): boolean {
  const x = unwrapped(v);
  // (a const followed a few steps at most, counted along the whole value: `const a = [b]; const b = [a]` ends)
  if (Node.isIdentifier(x)) {
    const init = depth < 3 ? constInitializer(x) : undefined;
    return !!init && jsonSafe(init, depth + 1);
  }
  if (jsonKind(x, 'number') || jsonKind(x, 'string') || conversionOf(x) === 'Boolean') return true;
  if (Node.isTrueLiteral(x) || Node.isFalseLiteral(x) || Node.isNullLiteral(x)) return true;
  if (Node.isPrefixUnaryExpression(x) && x.getOperatorToken() === SyntaxKind.ExclamationToken) return true;
  if (Node.isArrayLiteralExpression(x)) return x.getElements().every((e) => !Node.isSpreadElement(e) && !Node.isOmittedExpression(e) && jsonSafe(e, depth));
  if (Node.isObjectLiteralExpression(x)) {
    return x.getProperties().every((p) => Node.isPropertyAssignment(p) && !Node.isComputedPropertyName(p.getNameNode()) && p.getInitializer() !== undefined && jsonSafe(p.getInitializer()!, depth));
  }
  return false;
}

/** A call of the handler, before `before`, that is handed the response object (`verifyFileExists(id, res)`). */
function responseHandedOn(fn: Node, roles: Roles, before: Node): CallExpression | undefined {
  for (const id of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id.getStart() >= before.getStart()) break;
    const call = id.getParent();
    if (Node.isCallExpression(call) && call.getArguments().includes(id) && isReference(id) && roleOf(referenced(id), roles) === 'response') return call;
  }
  return undefined;
}

/** Error classes of the language: never a domain error, so the controller hands them to `next`. */
const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']);
const PLAIN_ERROR = new Set(['Error']);

/** `cls` names one of `names` as the language declares it (its global class), not a local class of the same name. */
function isLanguageError(cls: Node | undefined, names: Set<string>): boolean {
  return !!cls && Node.isIdentifier(cls) && names.has(cls.getText()) && (referenced(cls)?.getDeclarations() ?? []).every((d) => d.getSourceFile().isDeclarationFile() && d.getSourceFile().isInNodeModules());
}

/** The `next()` call (no argument, the handler's own `next`) a statement or `return` is, where a guard may pass on. */
function passOnCall(w: Walk, n: Node): CallExpression | undefined {
  if (!w.passOn) return undefined;
  const call = Node.isExpressionStatement(n) ? n.getExpression() : Node.isReturnStatement(n) ? n.getExpression() : undefined;
  if (!call || !Node.isCallExpression(call) || call.getArguments().length !== 0) return undefined;
  const callee = call.getExpression();
  return Node.isIdentifier(callee) && roleOf(referenced(callee), w.roles) === 'next' ? call : undefined;
}

/**
 * `next()` that hands the request on, last on its path (or followed by `return;`, or `return next()`), at the
 * handler's own level and outside any try the service keeps: a guard's success (`if (captcha.answer === answer)
 * next() else res.status(401).send(…)`). The service returns there, with nothing, and the controller calls `next()`
 * after it, where the handler did: inside the same kept try, so what the next handler throws at once goes to the same
 * catch; and nothing of the logic ran after it before either.
 */
function nextPassOn(w: Walk, n: Node, fn: Node, root: Node): boolean {
  const call = enclosingFunction(n) === fn ? passOnCall(w, n) : undefined;
  if (!call) return false;
  const callee = call.getExpression();
  if (insideTry(n, root)) throw new Unsafe('next-in-logic', 'the logic hands the request on (`next()`) inside a try of the logic, whose catch would no longer see what the next handler throws', n);
  const tail = Node.isExpressionStatement(n) ? tailOf(n, fn, root) : 'tail';
  if (!tail) throw new Unsafe('next-in-logic', 'the logic hands the request on (`next()`) and goes on running after it', n);
  const text = callee.getText() + '()';
  w.successes.push({ key: `next:${text}`, custom: { args: [], template: text, literal: text, at: call } });
  w.handled.add(callee);
  if (Node.isReturnStatement(n)) {
    w.edits.remove(n.getStart() + 'return'.length, call.getEnd());
    return true;
  }
  const parent = n.getParent();
  const list = Node.isBlock(parent) ? parent.getStatements() : [];
  const lastOfFn = list[list.length - 1] === n && parent === w.regionContainer;
  if (lastOfFn && tail === 'tail' && list.length > 1) {
    const full = n.getSourceFile().getFullText();
    const lineStart = full.lastIndexOf('\n', n.getStart() - 1);
    if (/^[ \t]*$/.test(full.slice(lineStart + 1, n.getStart()))) {
      w.edits.remove(lineStart, n.getEnd());
      return true;
    }
  }
  // (the statement's own semicolon, or none, stays)
  w.edits.replace(n.getStart(), call.getEnd(), 'return');
  if (tail === 'before-return') w.drop.add(nextStatement(n as Statement)!);
  return true;
}

/**
 * `next(new Error(…))` followed by `return;` or last on its path (or `return next(new Error(…))`), at the handler's
 * own level and outside any try of the logic: the service throws the error instead, and the controller's catch hands
 * it to `next` as before (see Walk.nextMayThrow). The error is built at the same point; nothing runs after it either way.
 */
function nextToThrow(w: Walk, n: Node, fn: Node, root: Node): boolean {
  if (enclosingFunction(n) !== fn) return false;
  const call = Node.isExpressionStatement(n) ? n.getExpression() : Node.isReturnStatement(n) ? n.getExpression() : undefined;
  if (!call || !Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  const args = call.getArguments();
  if (!Node.isIdentifier(callee) || roleOf(referenced(callee), w.roles) !== 'next' || args.length !== 1) return false;
  const err = args[0];
  const shown = `\`${call.getText().replace(/\s+/g, ' ').slice(0, 50)}\``;
  const refuse = (why: string) => {
    w.pending ??= new Unsafe('next-in-logic', `the logic hands an error to next (${shown}) ${why}`, n);
    return false;
  };
  if (!w.nextMayThrow) return refuse(w.nextWhy ? `while ${w.nextWhy}` : 'from an async handler without a final catch that forwards errors to next: thrown by the service, it would be an unhandled rejection instead');
  const cls = Node.isNewExpression(err) ? err.getExpression() : undefined;
  if (!isLanguageError(cls, BUILTIN_ERRORS)) return refuse('that is not a new error of the language\'s own classes (Error, TypeError, …): the service throws only those for next, another value may be an answer of the app');
  if (mentionsResponse(err, w.roles)) return refuse('built from the response');
  if (insideTry(n, root)) return refuse('inside a try of the logic, which would catch the throw');
  let after: Node | undefined;
  if (Node.isExpressionStatement(n)) {
    const tail = tailOf(n, fn, root);
    if (!tail) return refuse('before more of the logic runs');
    if (tail === 'before-return') after = nextStatement(n);
  }
  const start = Node.isReturnStatement(n) ? n.getStart() : call.getStart();
  w.edits.replace(start, err.getStart(), 'throw ');
  w.edits.remove(err.getEnd(), call.getEnd());
  if (after) w.drop.add(after);
  w.handled.add(callee);
  w.nextThrows = (w.nextThrows ?? 0) + 1;
  controllerForwards(w);
  return true;
}

/**
 * `res.status(404)` followed by `throw new Error('Product not found')`: the status is set for the app's error
 * middleware, which answers the error (express-async-handler apps: `res.statusCode === 200 ? 500 : res.statusCode`).
 * The service throws a domain error with the same message instead, and the mapping sets the same status and throws a
 * new `Error` with that message, from the controller's catch, which is inside the handler as the throw was: it goes
 * wherever the handler's throw went (next, or an unhandled rejection). Only a literal message: building it must not
 * fail after the status is set. Statement pairs at the handler's own level, outside any try of the handler (whose
 * catch took the error, where the mapping's throw would leave the controller's catch).
 */
function statusThenThrow(w: Walk, n: Node, fn: Node): boolean {
  if (w.site.framework !== 'express' || !Node.isExpressionStatement(n) || enclosingFunction(n) !== fn) return false;
  const call = n.getExpression();
  if (!Node.isCallExpression(call)) return false;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'status') return false;
  const res = callee.getExpression();
  if (!Node.isIdentifier(res) || roleOf(referenced(res), w.roles) !== 'response') return false;
  const after = nextStatement(n);
  if (!after || !Node.isThrowStatement(after)) return false;
  const refuse = (why: string) => {
    throw new Unsafe('status-then-throw', `\`${call.getText()}\` before \`${after.getText().replace(/\s+/g, ' ').slice(0, 50)}\`: ${why}`, n);
  };
  const args = call.getArguments();
  const status = args.length === 1 ? statusValue(args[0]) : undefined;
  if (status === undefined) return refuse('the status is not a number written in the handler');
  const known = ERROR_KINDS[status];
  if (!known) return refuse(`no domain error stands for status ${status}`);
  const err = after.getExpression();
  const cls = err && Node.isNewExpression(err) ? err.getExpression() : undefined;
  if (!cls || !isLanguageError(cls, PLAIN_ERROR) || !Node.isNewExpression(err)) return refuse('the thrown value is not a new Error of the language\'s own class');
  const message = err.getArguments();
  if (message.length !== 1 || !(Node.isStringLiteral(message[0]) || Node.isNoSubstitutionTemplateLiteral(message[0]))) return refuse('the message is not a string written in the handler');
  // any try of the handler, the final one and the ones the service unwraps included: its catch took the thrown error,
  // where the mapping's throw leaves from the controller's catch
  if (n.getFirstAncestor((a) => a === w.site.fn || (Node.isTryStatement(a) && a.getTryBlock().containsRange(n.getPos(), n.getEnd()))) !== w.site.fn) {
    return refuse('inside a try of the handler, whose catch took the thrown error');
  }
  w.handled.add(res);
  w.drop.add(n);
  w.edits.replace(cls.getStart(), cls.getEnd(), known.kind);
  w.errors.push({ kind: known.kind, status, form: 'forward', details: false, at: n as Statement });
  (w.errorVia ??= new Set()).add('statement');
  return true;
}

export function mentionsRole(n: Node, roles: Roles): boolean {
  let found = false;
  const check = (d: Node) => {
    if (Node.isIdentifier(d) && isReference(d) && roleOf(referenced(d), roles)) found = true;
  };
  check(n);
  n.forEachDescendant((d, t) => {
    if (found) return t.stop();
    check(d);
  });
  return found;
}

export function mentionsResponse(n: Node, roles: Roles): boolean {
  let found = false;
  n.forEachDescendant((d, t) => {
    if (found) return t.stop();
    if (Node.isIdentifier(d) && isReference(d)) {
      const r = roleOf(referenced(d), roles);
      if (r === 'response' || r === 'context' || r === 'next') found = true;
    }
  });
  return found;
}

/** Reasons for a use of the response object that is not a tail response. */
export function responseMisuse(id: Identifier, w: Walk): Unsafe {
  const parent = id.getParent();
  if (Node.isPropertyAccessExpression(parent)) {
    const name = parent.getName();
    if (name === 'locals') {
      // (what the app's middleware leaves there, and when, is not proven: a field may be set after a middleware hands
      // on, through another name, or by a package; read at the service call it could hold something else)
      const field = parent.getParent();
      const read = Node.isPropertyAccessExpression(field) && field.getExpression() === parent && !isWriteTarget(field);
      return new Unsafe('res-locals', read ? `the logic reads \`${field.getText()}\`: what the app's middleware leaves in res.locals is not passed to a service (which middleware sets it, and when, is not known for certain)` : `the logic uses \`${parent.getText()}\``, id);
    }
    if (STREAMING.has(name)) return new Unsafe('streaming-response', `the response is streamed or written piecemeal (${name})`, id);
  }
  if (Node.isCallExpression(parent) && parent.getArguments().includes(id)) return new Unsafe('res-passed-to-helper', 'the response object is passed to another function', id);
  const fn = enclosingFunction(id);
  if (fn && !w.resultFns.has(fn) && fn !== w.site.fn) {
    // (a `.then`/`.catch` callback: say what would make the chain move)
    const call = fn.getParent();
    const method = Node.isCallExpression(call) && Node.isPropertyAccessExpression(call.getExpression()) ? (call.getExpression() as import('ts-morph').PropertyAccessExpression).getName() : undefined;
    if (method === 'then' || method === 'catch') return new Unsafe('response-in-callback', `a response is written inside a .${method} callback of a promise chain that is not the last statement of the logic (inside a branch, or not returned from the callback that started it): only a chain that ends the handler moves`, id);
    return new Unsafe('response-in-callback', 'a response is written inside a callback', id);
  }
  const stmt = id.getFirstAncestor((a) => Node.isExpressionStatement(a));
  if (stmt && Node.isExpressionStatement(stmt) && enclosingFunction(stmt) === w.site.fn && headerCall(stmt, w)) {
    const shown = stmt.getText().split('\n')[0].slice(0, 50);
    return new Unsafe('response-not-in-tail', `\`${shown}\` sets the response apart from its answer: such a statement stays in the controller only right before a success answer, each on a line of its own, with no comment before or after it and no string over several lines, outside a try of the logic`, id);
  }
  return new Unsafe('response-not-in-tail', 'the response is used in a way that cannot be moved out of the handler', id);
}

/** Analyses one handler and plans its extraction; throws Unsafe when it must be left alone. */
