/**
 * Phase 2e (issue 14): an error-first callback that answers its error itself instead of handing it to `next`:
 *
 *   db.smembers(query, function (err, vals) {
 *     if (err) return res.send(500);
 *     res.send(vals);
 *   });
 *
 * Moving it needs the API proven to call back once, error first (the same proof as for `if (err) return next(err)`,
 * callbacks.ts), and then the error's answer kept in the controller's reaction to a failed service call. Until that
 * reaction exists the handler is left alone with the precise reason: `callback-not-proven` when the API is not
 * proven (an untyped client such as redis 2.8), else `error-answer-in-callback`.
 */
import { Node, type Statement } from 'ts-morph';
import { Unsafe, chainRoot, isReference, referenced, responseChain, roleOf, type Roles } from './handler-model.js';
import { provenErrorFirst } from './callbacks.js';
import type { RouteSite } from './routes.js';

/** Throws the reason when `stmt` is an error-first call whose callback answers its error with a response. */
export function refuseErrorAnswer(stmt: Statement | undefined, roles: Roles, site: RouteSite): void {
  if (site.framework !== 'express' || !stmt || !Node.isExpressionStatement(stmt)) return;
  const call = stmt.getExpression();
  if (!Node.isCallExpression(call)) return;
  const args = call.getArguments();
  const cb = args[args.length - 1];
  if (!cb || !(Node.isArrowFunction(cb) || Node.isFunctionExpression(cb))) return;
  const body = cb.getBody();
  const params = cb.getParameters();
  if (!Node.isBlock(body) || params.length < 1 || params.length > 2 || !Node.isIdentifier(params[0].getNameNode())) return;
  const first = body.getStatements()[0];
  if (!first || !Node.isIfStatement(first) || first.getElseStatement() || first.getExpression().getText() !== params[0].getName()) return;
  let then: Node = first.getThenStatement();
  if (Node.isBlock(then) && then.getStatements().length === 1) then = then.getStatements()[0];
  const answer = Node.isReturnStatement(then) ? then.getExpression() : undefined;
  if (!answer || !responseChain(answer, roles, site.framework)) return;
  // the callee is not the request's or the response's own method
  const root = chainRoot(call.getExpression());
  if (Node.isIdentifier(root) && isReference(root) && roleOf(referenced(root), roles)) return;
  const callee = call.getExpression().getText().replace(/\s+/g, '').slice(0, 50);
  const said = answer.getText().slice(0, 40);
  const proof = provenErrorFirst(call, cb);
  if ('why' in proof) {
    throw new Unsafe('callback-not-proven', `\`${callee}\` is not proven to call back once with the error first (${proof.why}); its callback answers the error itself (\`${said}\`)`, call);
  }
  throw new Unsafe('error-answer-in-callback', `the callback of \`${callee}\` answers its error itself (\`${said}\`) instead of handing it to next: the controller has no error reaction that keeps that answer yet`, call);
}
