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
 * request reads the logic cannot have changed; not values of the logic: `success-response-needs-logic-values`).
 * A flash that throws (no session) does so in the controller at the same point of the answer, inside the same catch
 * the controller keeps around the service call and the success response.
 */
import { Node, type Statement } from 'ts-morph';
import { type Walk, enclosingFunction, isReference, referenced, roleOf } from './handler-model.js';

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
 * The flash statements written right before the success response `stmt` in its block (none when there are none, or
 * when they cannot stay in the controller as written: a comment before one would be lost, the first statement of
 * the logic is one, the response is in a callback).
 */
export function flashBefore(w: Walk, stmt: Statement): { stmts: Statement[]; owners: Node[] } {
  const none = { stmts: [], owners: [] };
  if (w.site.framework !== 'express' || enclosingFunction(stmt) !== w.site.fn) return none;
  const parent = stmt.getParent();
  if (!Node.isBlock(parent)) return none;
  const list = parent.getStatements();
  const stmts: Statement[] = [];
  const owners: Node[] = [];
  for (let i = list.indexOf(stmt) - 1; i >= 0; i--) {
    const owner = flashCall(list[i], w);
    if (!owner) break;
    stmts.unshift(list[i]);
    owners.unshift(owner);
  }
  if (!stmts.length) return none;
  if (stmts[0].getStart() <= w.regionStart) return none;
  // (each on a line of its own: the service loses their lines, the response's line may go too)
  const text = stmt.getSourceFile().getFullText();
  if ([...stmts, stmt].some((s, i, all) => i > 0 && !text.slice(all[i - 1].getEnd(), s.getStart()).includes('\n'))) return none;
  // (a comment between or before them would not come along)
  if ([...stmts, stmt].some((s) => s.getLeadingCommentRanges().length)) return none;
  return { stmts, owners };
}

/** The statement's text with its continuation lines relative to its first line (the controller indents them). */
export function relativeText(s: Statement): string {
  const text = s.getSourceFile().getFullText();
  const lineStart = text.lastIndexOf('\n', s.getStart() - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, s.getStart()))![0];
  return s
    .getText()
    .split('\n')
    .map((l, i) => (i > 0 && indent && l.startsWith(indent) ? l.slice(indent.length) : l))
    .join('\n');
}
