/**
 * Phase 2d (issue 14): a handler whose logic computes one value and then chooses between answers on it, one of them
 * handing on with `next`:
 *
 *   var user = userRepos[name];
 *   if (user) res.send(user);
 *   else next();
 *
 * The service returns the value (possibly undefined); the controller keeps the choice exactly as written, after the
 * service call that names the value: `var user = reposService.getUserRepos({ name });` then the same `if`. Nothing
 * of the answers moves, so no answer changes; what changes is only that the value crosses a function boundary.
 * That is the same value when the logic always runs to its end (no `return` of the handler inside it) and the kept
 * `if` needs nothing else the logic computes.
 */
import { Node, SyntaxKind, type Statement } from 'ts-morph';
import { Unsafe, enclosingFunction, isReference, referenced, roleOf, requestRead, responseChain, chainRoot, type Roles } from './handler-model.js';
import { assignedIn } from './exit-rewrite.js';
import type { HandOff } from './handoff.js';
import type { RouteSite } from './routes.js';

/** `next(...)` or a response chain (`res.status(404).json(...)`), optionally returned, as the only statement. */
function answerOf(s: Statement, roles: Roles, site: RouteSite): 'next' | 'response' | undefined {
  if (Node.isBlock(s)) {
    const list = s.getStatements();
    return list.length === 1 ? answerOf(list[0], roles, site) : undefined;
  }
  const e = Node.isExpressionStatement(s) ? s.getExpression() : Node.isReturnStatement(s) ? s.getExpression() : undefined;
  if (!e || !Node.isCallExpression(e)) return undefined;
  const callee = e.getExpression();
  if (Node.isIdentifier(callee) && roleOf(referenced(callee), roles) === 'next') return 'next';
  return responseChain(e, roles, site.framework) ? 'response' : undefined;
}

/**
 * The answer-choice form of the region, or undefined when it does not have that form. Throws Unsafe when the
 * handler is already thin in that form (the value comes from one call, typically a service's) or the kept choice
 * would need more than the one value from the logic.
 */
export function findAnswerChoice(site: RouteSite, roles: Roles, region: Statement[], container: Node): HandOff | undefined {
  if (site.framework !== 'express' || container !== site.fn.getBody() || region.length < 2) return undefined;
  const choice = region[region.length - 1];
  if (!Node.isIfStatement(choice)) return undefined;
  const other = choice.getElseStatement();
  if (!other) return undefined;
  const answers = [answerOf(choice.getThenStatement(), roles, site), answerOf(other, roles, site)];
  if (answers.some((a) => !a) || !answers.includes('next')) return undefined;
  const logic = region.slice(0, -1);
  // the value: the one variable the logic declares at its top level that the choice reads
  const declared = new Map<string, Node>();
  for (const s of logic) {
    if (!Node.isVariableStatement(s)) continue;
    for (const d of s.getDeclarations()) if (Node.isIdentifier(d.getNameNode())) declared.set(d.getName(), d);
  }
  let value: string | undefined;
  for (const id of [choice, ...choice.getDescendants()]) {
    if (!Node.isIdentifier(id) || !isReference(id)) continue;
    const sym = referenced(id);
    const role = roleOf(sym, roles);
    if (role === 'request') {
      if (!requestRead(id, role)) return undefined;
      continue;
    }
    if (role) continue; // the answers' own res/next
    const decl = sym?.getDeclarations()[0];
    if (!decl) continue;
    const inLogic = logic.some((s) => decl.getFirstAncestor((a) => a === s));
    if (inLogic) {
      if (declared.get(id.getText()) !== decl || (value && value !== id.getText())) {
        throw new Unsafe('success-response-needs-logic-values', `the answers chosen after the logic use \`${id.getText()}\` besides the one value the logic computes`, id);
      }
      value = id.getText();
    } else if (decl.getFirstAncestor((a) => a === site.fn) && sym && assignedIn(logic, sym)) {
      throw new Unsafe('success-response-uses-changed-input', `the answers chosen after the logic use \`${id.getText()}\`, which the logic changes`, id);
    }
  }
  if (!value) return undefined;
  // nothing but the choice decides: the answers' arguments and the test call nothing (a call could be logic)
  const call = choice.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => {
    const root = chainRoot(c.getExpression());
    return !(Node.isIdentifier(root) && roleOf(referenced(root), roles));
  });
  if (call) return undefined;
  // the logic always runs to its end: a handler `return` inside it would skip the choice
  for (const s of logic) {
    for (const r of [s, ...s.getDescendantsOfKind(SyntaxKind.ReturnStatement)]) {
      if (Node.isReturnStatement(r) && enclosingFunction(r) === site.fn) return undefined;
    }
  }
  // already thin: the value comes from one call (a service's) whose arguments call nothing
  if (logic.length === 1 && Node.isVariableStatement(logic[0]) && logic[0].getDeclarations().length === 1) {
    let init: Node | undefined = logic[0].getDeclarations()[0].getInitializer();
    if (init && Node.isAwaitExpression(init)) init = init.getExpression();
    if (init && Node.isCallExpression(init) && init.getDescendantsOfKind(SyntaxKind.CallExpression).length === 0) {
      throw new Unsafe('already-thin', 'the handler is already thin (one call, then a choice between answers on its result)', site.fn);
    }
  }
  return { region: logic, handOffs: [], success: { template: '', varName: value }, returnVar: value };
}
