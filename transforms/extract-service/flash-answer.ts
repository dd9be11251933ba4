/**
 * extract-service, issue 14: flash messages written with a success answer (connect-flash's `req.flash`, the way
 * server-rendered Express apps such as hackathon-starter tell the next page what happened):
 *
 *     await user.save();
 *     req.flash('success', { msg: 'Two-factor authentication has been enabled.' });
 *     res.redirect('/account');
 *
 * The flash is session state of the request, so it belongs to the controller. When it is written right before the
 * success response, it stays there, word for word, before that response: the controller runs it once the service
 * has returned, which is exactly when it ran before (nothing of the logic ran between the flash and the answer). Its
 * arguments are evaluated in the controller, so they may use what the response may use (literals, module names,
 * request reads the logic cannot have changed, and values of the logic, which the service then returns by name:
 * analyze.ts logicValuesAnswer).
 * A flash that throws (no session) does so in the controller at the same point of the answer, inside the same catch
 * the controller keeps around the service call and the success response.
 */
import { Node, SyntaxKind, type Statement } from 'ts-morph';
import { type Extraction, type ResponseChain, type Walk, EXPRESS_CHAIN, enclosingFunction, isReference, referenced, responseChain, roleOf } from './handler-model.js';
import { isTransparentTry, literalStatus, statusValue } from './exit-rewrite.js';

/** `req.flash('type', message)` as a statement, with a string literal type and one or two arguments. */
function flashCall(s: Statement, w: Walk): Node | undefined {
  if (!Node.isExpressionStatement(s)) return undefined;
  const call = s.getExpression();
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  const args = call.getArguments();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'flash' || args.length < 1 || args.length > 2) return undefined;
  const owner = callee.getExpression();
  if (!Node.isIdentifier(owner) || !isReference(owner) || roleOf(referenced(owner), w.roles) !== 'request') return undefined;
  if (!Node.isStringLiteral(args[0]) && !Node.isNoSubstitutionTemplateLiteral(args[0])) return undefined;
  return owner;
}

/**
 * Headers, cookies or a success status set by statements of their own right before the success answer
 * (`res.cookie('token', token); res.location(url); res.redirect(url)`, `res.status(201); res.json(user)`): they stay
 * with the answer in the controller, as flashes do, and run once the service has returned, which is when they ran
 * (nothing of the logic ran between them and the answer). The statement's response identifier, or undefined: not a
 * chain of Express's header methods, or a status that is not a literal below 400 (an error answer: refused as before).
 */
export function headerCall(s: Statement, w: Walk): Node | undefined {
  if (!Node.isExpressionStatement(s) || w.site.framework !== 'express') return undefined;
  let cur: Node = s.getExpression();
  let calls = 0;
  while (Node.isCallExpression(cur)) {
    const callee = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !EXPRESS_CHAIN.has(callee.getName())) return undefined;
    if (callee.getName() === 'status') {
      const status = statusValue(cur.getArguments()[0]);
      if (status === undefined || status >= 400) return undefined;
    }
    calls++;
    cur = callee.getExpression();
  }
  if (!calls || !Node.isIdentifier(cur) || !isReference(cur) || roleOf(referenced(cur), w.roles) !== 'response') return undefined;
  return cur;
}

/** A header statement (headerCall) followed, through header and flash statements only, by a success answer. */
export function headerBeforeAnswer(s: Statement, w: Walk): boolean {
  if (!headerCall(s, w)) return false;
  for (let next = s.getNextSibling(); next; next = next.getNextSibling()) {
    if (!Node.isExpressionStatement(next) && !Node.isReturnStatement(next)) return false;
    if (headerCall(next, w) || flashCall(next, w)) continue;
    const e = next.getExpression();
    const chain = e && responseChain(e, w.roles, 'express');
    if (!chain) return false;
    const status = literalStatus(chain);
    return status === undefined || status < 400;
  }
  return false;
}

/** The arguments of every call of a kept statement's chain (`res.set('a', x).cookie('t', token)`: all four). */
export function keptArguments(s: Statement): Node[] {
  const out: Node[] = [];
  let cur: Node = (s as import('ts-morph').ExpressionStatement).getExpression();
  while (Node.isCallExpression(cur)) {
    out.unshift(...cur.getArguments());
    const callee = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) break;
    cur = callee.getExpression();
  }
  return out;
}

/**
 * The flash statements written right before the success response `stmt` in its block (none when there are none, or
 * when they cannot stay in the controller as written: a comment before one would be lost, the first statement of
 * the logic is one, the response is in a callback). `headers`: header statements too (headerCall).
 */
export function flashBefore(w: Walk, stmt: Statement, headers = false): { stmts: Statement[]; owners: Node[] } {
  const none = { stmts: [], owners: [] };
  if (w.site.framework !== 'express' || enclosingFunction(stmt) !== w.site.fn) return none;
  const parent = stmt.getParent();
  if (!Node.isBlock(parent)) return none;
  const list = parent.getStatements();
  const stmts: Statement[] = [];
  const owners: Node[] = [];
  for (let i = list.indexOf(stmt) - 1; i >= 0; i--) {
    const owner = flashCall(list[i], w) ?? (headers ? headerCall(list[i], w) : undefined);
    if (!owner) break;
    stmts.unshift(list[i]);
    owners.unshift(owner);
  }
  if (!stmts.length) return none;
  if (stmts[0].getStart() <= w.regionStart) return none;
  // (each on a line of its own, nothing else on it: the service loses their lines, the response's line may go too;
  // adversarial round 15, F1/F2: the statement before a flash on its line went with it)
  const text = stmt.getSourceFile().getFullText();
  const alone = (s: Statement) => {
    const lineStart = text.lastIndexOf('\n', s.getStart() - 1) + 1;
    const lineEnd = text.indexOf('\n', s.getEnd());
    return /^[ \t]*$/.test(text.slice(lineStart, s.getStart())) && /^[ \t]*\r?$/.test(text.slice(s.getEnd(), lineEnd < 0 ? text.length : lineEnd));
  };
  if (![...stmts, stmt].every(alone)) return none;
  // (a multi-line template keeps its lines' indentation: the controller indents the statements anew; round 16, F2)
  if (stmts.some((s) => s.getDescendants().some((d) => (Node.isTemplateExpression(d) || Node.isNoSubstitutionTemplateLiteral(d) || Node.isStringLiteral(d)) && d.getText().includes('\n')))) return none;
  // (a comment between or before them would not come along)
  if ([...stmts, stmt].some((s) => s.getLeadingCommentRanges().length || s.getTrailingCommentRanges().length)) return none;
  // (a try the service keeps would no longer catch what a flash throws, no session: round 15, F3)
  for (let p = stmt.getParent(); p && p !== w.regionContainer; p = p.getParent()) {
    if ((Node.isTryStatement(p) && !isTransparentTry(p)) || Node.isCatchClause(p)) return none;
  }
  return { stmts, owners };
}

/** The statement's text with its continuation lines relative to its first line (the controller indents them). */
export function relativeText(s: Statement, written = s.getText()): string {
  const text = s.getSourceFile().getFullText();
  const lineStart = text.lastIndexOf('\n', s.getStart() - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, s.getStart()))![0];
  return written
    .split('\n')
    .map((l, i) => (i > 0 && indent && l.startsWith(indent) ? l.slice(indent.length) : l))
    .join('\n');
}

/** Flash types that say the request failed (hackathon-starter and TypeScript-Node-Starter flash `errors`). */
const FAILURE_FLASHES = new Set(['errors', 'error']);

/** The domain error a flashed failure becomes: what went wrong with the request as the user made it. */
export const FLASH_ERROR_KIND = 'ValidationError';

/**
 * A string by its syntax, whatever the program holds: a string literal, a template, or `+` with one of those on a
 * side (a declared type such as a union of string literals is the author's word, not the value's; round 16, F6).
 */
function syntacticString(n: Node): boolean {
  let x = n;
  while (Node.isParenthesizedExpression(x)) x = x.getExpression();
  if (Node.isStringLiteral(x) || Node.isNoSubstitutionTemplateLiteral(x) || Node.isTemplateExpression(x)) return true;
  return Node.isBinaryExpression(x) && x.getOperatorToken().getKind() === SyntaxKind.PlusToken && (syntacticString(x.getLeft()) || syntacticString(x.getRight()));
}

/**
 * A failure answered with a flash and a redirect to a fixed page:
 *
 *     if (!user.emailVerified) {
 *       req.flash('errors', { msg: 'You must verify your email before enabling 2FA.' });
 *       return res.redirect('/account');
 *     }
 *
 * becomes `throw new ValidationError('You must verify your email before enabling 2FA.')` in the service, and the
 * controller's catch answers that error with the same flash (`{ msg: err.message }`) and redirect. The flash must be
 * one statement right before the redirect, of type `errors`/`error`, its message a string for certain (a literal, a
 * template: `err.message` gives back exactly that) alone or as the one property of an object; the redirect a single
 * literal address. Not inside a try of the logic (flashBefore: its catch would take the thrown error). Undefined otherwise:
 * the answer is then an ordinary success answer with a flash (and the handler's answers differ).
 */
export function flashFailure(w: Walk, stmt: Statement, chain: ResponseChain): { flash: Statement; owner: Node; message: Node; lines: string[]; semi: string } | undefined {
  const { stmts, owners } = flashBefore(w, stmt);
  if (stmts.length !== 1 || chain.methods.length !== 1 || chain.methods[0] !== 'redirect') return undefined;
  const call = (stmts[0] as import('ts-morph').ExpressionStatement).getExpression() as import('ts-morph').CallExpression;
  const [type, arg] = call.getArguments();
  if (!arg || !FAILURE_FLASHES.has((type as import('ts-morph').StringLiteral).getLiteralValue())) return undefined;
  const target = (chain.outer as import('ts-morph').CallExpression).getArguments();
  if (target.length !== 1 || !(Node.isStringLiteral(target[0]) || Node.isNoSubstitutionTemplateLiteral(target[0]))) return undefined;
  let text: Node | undefined;
  if (Node.isObjectLiteralExpression(arg)) {
    const props = arg.getProperties();
    const only = props[0];
    if (props.length === 1 && Node.isPropertyAssignment(only) && (Node.isIdentifier(only.getNameNode()) || Node.isStringLiteral(only.getNameNode()))) text = only.getInitializer();
  } else text = arg;
  if (!text || !syntacticString(text)) return undefined;
  const semi = stmt.getText().trimEnd().endsWith(';') ? ';' : '';
  // (the message replaced in the statement as written, then its lines made relative: round 16, F3)
  const written = stmts[0].getText();
  const at = text.getStart() - stmts[0].getStart();
  const answer = relativeText(stmts[0], written.slice(0, at) + '\u0001.message' + written.slice(at + text.getText().length));
  return { flash: stmts[0], owner: owners[0], message: text, lines: [answer, `return ${chain.outer.getText()}${semi}`], semi };
}

/**
 * The controller's lines around the service call for a handler with flashed failures: a try of their own, whose catch
 * answers the flashed kind as the handler did and rethrows anything else. Whatever the flash or the redirect throws
 * (connect-flash without a session) then goes where it went before: the handler's kept catch, the controller's catch
 * handing errors to next, or out of the handler, as the original flash did from the same place.
 */
export function flashWrap(e: Extraction, lines: string[], errName: string, u: string, semi: string): string[] {
  const shape = e.errors.find((x) => x.form === 'flash');
  if (!shape?.flashLines) return lines;
  return [
    'try {',
    ...lines.map((l) => u + l),
    `} catch (${errName}) {`,
    `${u}if (!(${errName} instanceof ${shape.kind})) throw ${errName}${semi}`,
    ...shape.flashLines.flatMap((l) => l.replace(/\u0001/g, errName).split('\n').map((x) => u + x)),
    '}',
  ];
}
