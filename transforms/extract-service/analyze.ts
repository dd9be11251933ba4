/** Phase 2: analysis of one handler into an extraction (region, inputs, exits) or a reason. */
import { Node, SyntaxKind, ts, type CallExpression, type SourceFile, type Statement, type Symbol as MorphSymbol } from 'ts-morph';
import { TextEdits } from '../../src/text-edits.js';
import { isWrapper, unwrap, type KnownWrapper } from '../../src/app-model/resolve.js';
import type { HandlerFn, RouteSite } from './routes.js';
import { Unsafe, type Input, type Extraction, type Success, REPLAY_HELPERS, chainRoot, isAssignment, DOMAIN_ERROR_RESPONDER, type Roles, rolesOf, referenced, isReference, roleOf, isFunctionLike, enclosingFunction, responseChain, requestRead, destructuredPart, isConsoleCall, isRequestRead, type Walk, insertAt, isWriteTarget, isMemberName } from './handler-model.js';
import { isFrameworkResponseCall } from './frameworks/walk.js';
import { findHandOff } from './handoff.js';
import { preludeEnd } from './prelude.js';
import { oneResponseCall, oneResponseExpression } from './trivial.js';
import { delegatedServiceCall } from './service-layer.js';
import { findAnswerChoice } from './answer-choice.js';
import { refuseErrorAnswer } from './error-answer.js';
import { unnameableType } from './controller.js';
import { diagnosticIn, localReferences, moduleLocation } from './apply.js';
import { bindRequestCalls, bindTranslationCalls, fileUsesArrows, isRequestBinding, requestArgumentCalls, typeQuery } from './request-helpers.js';
import { indentAt } from '../../src/text/lines.js';
import { type CallbackOptions, convertErrorFirst, expressMajor, flushCallbackEdits, handlerStatementsMayThrow, loopAround, setCallbackOptions } from './callbacks.js'; // issue 14: error-first callbacks
import { type SuccessExit, catchForwardsToNext, chainCalls, assignedIn, errorFirstTail, promiseChainTail, resultCallback, rewriteResultFunction, mentionsResponse, responseMisuse, literalStatus } from './exit-rewrite.js';
import { ERROR_KINDS } from './exits.js';
import { movedImport, reloadingTest } from './test-reloads.js';

/**
 * `keepBeforeTry`: a second attempt (index.ts) for a handler whose logic ends in a try/catch and could not move as a
 * whole: the statements before the final try stay in the controller as they are, and only the try's logic moves.
 */
export function analyzeHandler(site: RouteSite, options?: CallbackOptions, keepBeforeTry = false): Omit<Extraction, 'inputs'> & { inputs: Input[] } {
  setCallbackOptions(site, options); // issue 14: callbacks.ts reads callbackThrowsToNext
  const roles = rolesOf(site);
  const file = site.file;
  // (a handler without parameters touches neither request nor response: `app.get('/', function () { throw … })`)
  if (!(roles.response ?? roles.context) && site.fn.getParameters().length > 0) {
    throw new Unsafe('no-type-info', 'the module is not part of a checked program here (a JavaScript file in a project without allowJs?)', site.fn);
  }
  const body = site.fn.getBody();
  if (body && !Node.isBlock(body)) {
    const trivial = oneResponseExpression(site, roles, body);
    if (trivial) throw new Unsafe('one-response-call', trivial, site.fn);
  }
  if (!body || !Node.isBlock(body)) throw new Unsafe('expression-body', 'the handler is a single expression', site.fn);
  if (!Node.isArrowFunction(site.fn) && site.fn.isGenerator()) throw new Unsafe('generator-handler', 'generator handlers are left alone', site.fn);

  // 1. Request reads at the top stay in the controller; so does a final try/catch around the logic.
  let statements = body.getStatements();
  let k = 0;
  while (k < statements.length && isRequestRead(statements[k], roles, file)) k++;
  // 1a. A prelude that validates or writes the request (express-validator, req.flash, session) stays too (prelude.ts).
  const preludeTo = preludeEnd(site, statements, k, roles);
  const prelude = statements.slice(k, preludeTo);
  if (prelude.length) for (k = preludeTo; k < statements.length && isRequestRead(statements[k], roles, file); k++);
  // Logging before a final try/catch (`console.log('HIT /remove', req.body); try { ... }`) stays in the handler too,
  // unchanged and in its place, so the try/catch is still recognised as the handler's error path.
  let m = k;
  while (m < statements.length - 1 && (isRequestRead(statements[m], roles, file) || isConsoleCall(statements[m]))) m++;
  if (m > k && m === statements.length - 1 && Node.isTryStatement(statements[m])) k = m;
  // (they run unchanged, in their place, before the try whose catch receives what the service throws, as before)
  if (keepBeforeTry) k = statements.length - 1;
  let region = statements.slice(k);
  let container: Node = body;
  let catchClause: Node | undefined;
  if (region.length === 1 && Node.isTryStatement(region[0]) && region[0].getCatchClause() && !region[0].getFinallyBlock()) {
    const tryBlock = region[0].getTryBlock();
    catchClause = region[0].getCatchClause();
    statements = tryBlock.getStatements();
    let j = 0;
    while (j < statements.length && isRequestRead(statements[j], roles, file)) j++;
    region = statements.slice(j);
    container = tryBlock;
  }
  if (!region.length) throw new Unsafe('no-logic', 'the handler only reads the request', site.fn);
  // 1b. `res.locals.data = value; next()`: the value is handed to a later middleware; the tail stays in the controller.
  const usedNames = new Set<string>();
  site.fn.forEachDescendant((d) => {
    if (Node.isIdentifier(d) && isReference(d)) usedNames.add(d.getText());
  });
  // 1c. `var user = users[name]; if (user) res.send(user); else next()`: the controller keeps the choice (answer-choice.ts).
  const localsHandOff = findHandOff(site, roles, region, container, usedNames);
  const choice = localsHandOff ? undefined : findAnswerChoice(site, roles, region, container);
  const handOff = localsHandOff ?? choice;
  if (handOff) region = handOff.region;

  // 2. Thin handlers (one call, typically already a service call) are left as they are.
  // (a log line beside the single call does not make the handler fat: `console.log('hit'); res.send('Welcome')`)
  // (also `const result = await usersService.createUser(input); res.status(201).json(result)`: one call, one response)
  const meaningful = region.filter((s) => !isConsoleCall(s));
  // (a controller this transform wrote: one chain on a service call, its reactions answering: `usersService.getUser(…)
  // .then(ok, (err) => …)`)
  if (meaningful.length === 1 && serviceChain(meaningful[0])) throw new Unsafe('already-thin', 'the handler already calls a service and answers with its result', site.fn);
  if (meaningful.length >= 1 && !choice) {
    const isThenCallback = (d: Node) => {
      const p = d.getParent();
      return Node.isCallExpression(p) && /\.(then|catch)$/.test(p.getExpression().getText());
    };
    const calls = meaningful.flatMap((m) => [...(Node.isCallExpression(m) ? [m] : []), ...m.getDescendantsOfKind(SyntaxKind.CallExpression)]).filter((c) => {
      if (c.getFirstAncestor((a) => isRequestBinding(a, roles))) return false;
      const callee = c.getExpression().getText();
      if (REPLAY_HELPERS.has(callee) || /\.(then|catch)$/.test(callee)) return false;
      // `next()` hands over like a response does (a middleware's exit, not logic)
      const target = c.getExpression();
      if (Node.isIdentifier(target) && roleOf(referenced(target), roles) === 'next') return false;
      return !responseChain(c, roles, site.framework) && !isChainLink(c, roles, site.framework) && !isFrameworkResponseCall(c, roles, site.framework);
    });
    const controlFlow = meaningful.flatMap((m) => [m, ...m.getDescendants()]).some((d) => Node.isIfStatement(d) || Node.isForStatement(d) || Node.isWhileStatement(d) || Node.isSwitchStatement(d) || (isFunctionLike(d) && !isThenCallback(d) && !isRequestBinding(d, roles)));
    if (calls.length <= 1 && !controlFlow) throw new Unsafe('already-thin', 'the handler is already thin (at most one call besides the response)', site.fn);
    // Only `if`s on request values choosing what to answer (`if (req.body.remember) res.cookie(...); res.redirect('back')`):
    // no call but the request's and the response's own, nothing declared but constants, no loop or callback: nothing a
    // service could hold.
    const httpRoot = (c: CallExpression) => {
      const e = chainRoot(c.getExpression());
      return Node.isIdentifier(e) && !!roleOf(referenced(e), roles);
    };
    const nodes = meaningful.flatMap((m) => [m, ...m.getDescendants()]);
    const literal = (e: Node | undefined) => !!e && (Node.isNumericLiteral(e) || Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e) || e.getKind() === SyntaxKind.TrueKeyword || e.getKind() === SyntaxKind.FalseKeyword);
    const httpOnly = calls.every(httpRoot) && !nodes.some((d) => (Node.isVariableDeclaration(d) && !literal(d.getInitializer())) || Node.isForStatement(d) || Node.isForOfStatement(d) || Node.isForInStatement(d) || Node.isWhileStatement(d) || Node.isDoStatement(d) || Node.isNewExpression(d) || Node.isAwaitExpression(d) || isFunctionLike(d) || (Node.isBinaryExpression(d) && isAssignment(d.getOperatorToken().getText())) || Node.isPostfixUnaryExpression(d) || Node.isPrefixUnaryExpression(d) && /^(\+\+|--)/.test(d.getText()));
    if (httpOnly) throw new Unsafe('already-thin', 'the handler only chooses its answer from request values (no call besides the request\'s and the response\'s own)', site.fn);
    // One call into the app's own service layer, the rest reading the request and answering (service-layer.ts)
    const delegated = delegatedServiceCall(site, roles, meaningful, calls);
    if (delegated) throw new Unsafe('already-thin', `the handler already hands its work to the app's service layer (\`${delegated}\`): what is left reads the request and answers`, site.fn);
  }
  // 2a. One call of the response or of next (a download answering in its callback, res.format, next on nextTick): trivial.
  const oneCall = !choice && oneResponseCall(site, roles, region);
  if (oneCall) throw new Unsafe('one-response-call', oneCall, site.fn);

  const start = Math.min(...leadingCommentStart(region[0]));
  const end = region[region.length - 1].getEnd();
  const edits = new TextEdits(file.getFullText());
  const w: Walk = { site, roles, edits, drop: new Set(), handled: new Set(), resultFns: new Set(), usesChain: false, errors: [], successes: [], regionContainer: container, converted: new Set(), skipNodes: new Set(prelude), regionStart: start, prefix: '' };
  // (middleware that never touches the response hands on with next(): kept as it is, below, not a guard's success)
  w.passOn = site.framework === 'express' && !handsOnWithoutResponse(site, roles);
  // (a call of it, as an earlier run's controllers make: not a catch binding that happens to have its name)
  if (region.some((r) => r.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === DOMAIN_ERROR_RESPONDER && Node.isCallExpression(i.getParent()) && (i.getParent() as CallExpression).getExpression() === i))) {
    throw new Unsafe('already-thin', 'the handler already calls a service and answers its domain errors', site.fn);
  }

  // 2a'. A wrapper of the app calls the handler (`audit(handler)`) and may read what it returns: `return res.status(404)…`
  // returned the response, the controller would return nothing
  if (site.framework === 'express' && calledThroughWrapper(site)) {
    const returned = site.fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).find((r) => enclosingFunction(r) === site.fn && !!r.getExpression() && !!responseChain(r.getExpression()!, roles, site.framework));
    if (returned) throw new Unsafe('returns-value', 'a wrapper of the app calls the handler and may read what it returns: `return res…` returned the response, the controller would return nothing', returned);
  }

  // 2b. Logic ending in a try whose catch answers by itself (`if (!title) return res.status(400)…; try { … res.json(x) }
  // catch (err) { res.status(500)… }`): the try's statements move, the catch stays around the service call (keptTry).
  const keptClause = site.framework === 'express' && !handOff && !catchClause ? answeringTailTry(w, region) : undefined;

  // `next(new Error(…)); return` may become a throw in the service (exit-rewrite.ts nextToThrow): the handler's final
  // catch forwards every error to next, or the handler is synchronous and Express turns its throw into next(err).
  if (site.framework === 'express' && roles.next) {
    const forwards = !!catchForwardsToNext(catchClause, roles);
    const awaits = region.some((r) => r.getDescendantsOfKind(SyntaxKind.AwaitExpression).length > 0);
    // 'sync' and 'rejection' count on Express itself calling the handler: not through a wrapper of the app (which may
    // catch the throw: `guarded(fn)`), and not also called by other code (a timer, another handler)
    const byRouter = calledByTheRouterOnly(site);
    // (written inside `asyncHandler(…)`: nothing but the wrapper calls it)
    const wrapped = knownWrapperOnly(site);
    const wrappedInline = wrapped && Node.isCallExpression(site.fn.getParent());
    if (forwards) w.nextMayThrow = 'catch';
    else if (catchClause || keptClause) w.nextWhy = "the handler's own final catch answers by itself: it would receive what went to next";
    else if (site.fn.isAsync() && wrappedInline) w.nextMayThrow = 'wrapper';
    else if (wrapped) w.nextWhy = site.fn.isAsync() ? 'the handler is declared apart from its `asyncHandler(…)` call, so other code may call it too' : 'express-async-handler hands a throw of a synchronous handler to whoever called the wrapped function, which need not be Express';
    else if (!site.fn.isAsync() && !awaits && byRouter) w.nextMayThrow = 'sync';
    else if (site.fn.isAsync() && expressMajor(file) >= 5 && byRouter) w.nextMayThrow = 'rejection';
    else if (site.fn.isAsync() && options?.throwsToNext) w.nextMayThrow = 'forward';
    else if (site.fn.isAsync() && forwardingTailTryAlone(w, region)) w.nextMayThrow = 'inert';
    else if (!byRouter) w.nextWhy = 'Express does not call the handler itself (a wrapper of the app or other code does), so a throw need not reach next';
  }

  // 3. A final promise chain ending in .catch(next): the service returns the chain, the controller keeps .catch(next).
  const last = region[region.length - 1];
  const lastExpr = Node.isExpressionStatement(last) ? last.getExpression() : Node.isReturnStatement(last) ? last.getExpression() : undefined;
  const chain = lastExpr && !handOff && site.framework === 'express' ? promiseChainTail(lastExpr, roles) : undefined;
  let chainCatch: Extraction['chainCatch'];
  if (chain && !chain.custom && !chain.unhandled && !w.nextMayThrow) {
    // the service returning the chain is async: a throw before the chain, or of its first call, would reach the
    // chain's catch (next), where it was an unhandled rejection (async Express 4 handler) or left to whoever called
    // the handler (a wrapper, a timer)
    throw new Unsafe('chain-may-throw', w.nextWhy ? `the handler ends in a promise chain while ${w.nextWhy}` : 'an async handler ends in a promise chain: a throw before the chain or of its first call was an unhandled rejection, from the service it would reach the chain\'s catch (--throws-to-next accepts that)', last);
  }
  if (chain) {
    const thens = chain.thens;
    for (const t of thens.slice(0, -1)) {
      if (mentionsResponse(t.getArguments()[0], roles)) throw new Unsafe('response-in-callback', 'a response is written in a .then callback that is not the last one', t);
    }
    const cb = resultCallback(thens[thens.length - 1]);
    if (!cb) throw new Unsafe('response-in-callback', 'the last .then callback is not a function', thens[thens.length - 1]);
    w.usesChain = true;
    if (chain.custom) chainCatch = customChainCatch(chain.custom, region, last, site);
    if (chain.unhandled) {
      // no catch: the chain stays in the (synchronous) service, returned; the controller answers the domain errors it
      // rejects with and leaves every other failure unhandled, as it was (unhandledChainCatch)
      chainCatch = unhandledChainCatch(last);
      if (chain.onRejected) rewriteResultFunction(w, chain.onRejected, chain.onRejected, false);
    } else {
      // drop `.catch(next)` and make the chain the service's result
      const catchCall = chain.catchCall!;
      const catchCallee = catchCall.getExpression() as import('ts-morph').PropertyAccessExpression;
      if (/\/[/*]/.test(file.getFullText().slice(catchCallee.getExpression().getEnd(), catchCallee.getNameNode().getStart()))) {
        throw new Unsafe('response-in-callback', 'a comment before the chain\'s catch would be lost', catchCall);
      }
      edits.remove(catchCallee.getExpression().getEnd(), catchCall.getEnd());
    }
    // (a chain that had no catch is rooted in whatever `.then` the library has: the controller chains on the value, so
    // one not typed as a native Promise is returned through Promise.resolve, which also types it for the controller)
    const wrap = chain.unhandled && !nativePromise(lastExpr!);
    if (Node.isExpressionStatement(last)) insertAt(w, last.getStart(), wrap ? 'return Promise.resolve(' : 'return ');
    else if (wrap) insertAt(w, lastExpr!.getStart(), 'Promise.resolve(');
    // (the closing parenthesis replaces the chain's own last one: an insertion at the region's end would fall outside it)
    if (wrap) edits.replace(lastExpr!.getEnd() - 1, lastExpr!.getEnd(), '))');
    rewriteResultFunction(w, cb, cb, false);
  }
  const errorFirst = !chain && !handOff && site.framework === 'express' ? errorFirstTail(last, roles) : undefined;
  if (!chain && !handOff && !errorFirst) refuseErrorAnswer(last, roles, site); // `if (err) return res.send(500)` (error-answer.ts)
  if (errorFirst) {
    convertErrorFirst(w, errorFirst); // issue 14: callbacks.ts (proof, throws, await form)
    rewriteResultFunction(w, errorFirst.cb, errorFirst.cb, false);
  }
  if (handOff) {
    // each hand-off becomes the method's result; the controller writes it to res.locals again
    for (const h of handOff.handOffs) {
      edits.replace(h.stmt.getStart(), h.value.getStart(), 'return ');
      w.handled.add(h.res);
    }
  } else rewriteResultFunction(w, site.fn, container, true, chain ? last : errorFirst ? last : undefined);
  if (chain) {
    // the chain statement itself: only the callbacks before the result callback are plain logic
    last.forEachDescendant((d, t) => {
      if (isFunctionLike(d)) return t.skip();
    });
  }
  if (!chain && !errorFirst && !handOff && !w.handled.size) {
    // a function that never touches the response and calls next is middleware of its route, registered on its own
    // (`app.post('/users', audit())` before the handler that answers): it cannot answer, so there is nothing to move
    if (site.framework === 'express' && handsOnWithoutResponse(site, roles)) {
      throw new Unsafe('middleware-kept', 'kept as it is: it never uses the response and hands on with next (middleware of the route; only the handler that answers moves to a service)', site.fn);
    }
    // middleware that rewrites the request and hands on (`req.url = …; next()`) says so
    const write = requestWrite(region, roles);
    if (write) throw new Unsafe('request-in-logic', `the logic changes the request (\`${write.getText().split('\n')[0].slice(0, 60)}\`)`, write);
    // a response the walk did not see as one (in a callback, streamed, a session call) names its own reason
    for (const s of region) {
      for (const d of [s, ...s.getDescendants()]) {
        if (!Node.isIdentifier(d) || !isReference(d)) continue;
        const role = roleOf(referenced(d), roles);
        const parent = d.getParent();
        if (role === 'request' && ((Node.isPropertyAccessExpression(parent) && parent.getName() === 'session') || destructuredPart(d) === 'session')) throw new Unsafe('session-mutation', 'the logic uses the session', d);
        if (role === 'response') throw responseMisuse(d, w);
        if (role === 'next' && enclosingFunction(d) !== site.fn) throw new Unsafe('response-in-callback', 'the response (or next) is written inside a callback', d);
      }
    }
    throw new Unsafe('no-response-in-logic', 'no response is written by the logic', site.fn);
  }

  const syncErrors = chainCatch && region.length > 1 ? chainBeforeLogic(w, last) : false;

  // 4. Every other mention of req/res/next/ctx inside the region must be a plain request read (passed in).
  const inputs: Input[] = [];
  const inputByKey = new Map<string, Input>();
  const regionNodes = (cb: (n: Node) => void) => {
    for (const s of region) {
      cb(s);
      s.forEachDescendant(cb);
    }
  };
  const handlerScope = site.fn;
  const deps = new Set<Statement>();
  const depNames = new Set<string>();
  const declaredInRegion = new Set<MorphSymbol>();
  let usesAwait = false;
  regionNodes((n) => {
    if (Node.isAwaitExpression(n) && enclosingFunction(n) === site.fn) usesAwait = true;
    if (n.getKind() === SyntaxKind.ThisKeyword || (Node.isIdentifier(n) && n.getText() === 'arguments' && isReference(n))) {
      const owner = thisOwner(n);
      if (!owner || owner.getStart() < start || owner.getEnd() > end) throw new Unsafe('uses-this', `the logic uses \`${n.getText()}\``, n);
    }
    if (Node.isVariableDeclaration(n) || Node.isFunctionDeclaration(n) || Node.isClassDeclaration(n) || Node.isParameterDeclaration(n) || Node.isBindingElement(n)) {
      const nameNode = (n as any).getNameNode?.();
      if (nameNode && Node.isIdentifier(nameNode)) {
        const sym = nameNode.getSymbol();
        if (sym) declaredInRegion.add(sym);
      }
    }
  });
  // 4a. The success response stays in the controller around the service's result; what it needs besides the body
  // must be available there (request reads, module names, handler variables the logic does not change).
  const keep: [number, number][] = [];
  let success: Success | undefined;
  if (w.successes.length) {
    const first = w.successes[0];
    const other = w.successes.find((x) => x.key !== first.key);
    const atOf = (x: SuccessExit) => x.custom?.at ?? x.chain!.outer;
    if (other) throw new Unsafe('varying-success-response', 'the success responses differ in status, headers or form', atOf(other));
    const locals = new Set<string>();
    for (const x of w.successes) {
      for (const args of x.custom ? [x.custom.args] : chainCalls(x.chain!).map((c) => c.call.getArguments())) {
        for (const a of args) {
          if (a === x.body) continue;
          keep.push([a.getStart(), a.getEnd()]);
          // (the controller indents what it keeps to its own depth: a string over several lines would change; round 17, F3)
          const multiline = [a, ...a.getDescendants()].find((d) => (Node.isTemplateExpression(d) || Node.isNoSubstitutionTemplateLiteral(d) || Node.isStringLiteral(d)) && d.getText().includes('\n'));
          if (multiline) throw new Unsafe('success-response-shape', 'the success response, which stays in the controller, has a string over several lines, whose text a new indentation would change', multiline);
          for (const id of [a, ...a.getDescendants()]) {
            if (!Node.isIdentifier(id) || !isReference(id)) continue;
            const sym = referenced(id);
            const role = roleOf(sym, roles);
            if (role === 'response' || role === 'next') throw new Unsafe('response-not-in-tail', 'the success response uses the response object in its arguments', id);
            if (!sym) continue;
            if (declaredInRegion.has(sym)) locals.add(id.getText());
            else if (sym.getDeclarations().some((d) => d.getFirstAncestor((p) => p === site.fn)) && assignedIn(region, sym)) {
              throw new Unsafe('success-response-uses-changed-input', `the success response uses \`${id.getText()}\`, which the logic changes`, id);
            }
          }
        }
      }
    }
    const text = file.getFullText();
    const [from, to] = [atOf(first).getStart(), atOf(first).getEnd()];
    // The answer's other arguments (and the header or flash statements before it) ran before its body was evaluated;
    // kept in the controller they run after the service, which evaluates the body. That order can tell when the body
    // does something and an argument reads what it may change (`res.set('X-Count', String(store.count))` before
    // `.json(await store.add(item))`): the body then stays in the controller too, after them, as written.
    const argumentsOf = (x: SuccessExit) => (x.custom ? x.custom.args : chainCalls(x.chain!).flatMap((c) => c.call.getArguments())).filter((a) => a !== x.body);
    const reordered = site.framework === 'express' && w.successes.some((x) => x.body && hasEffects(x.body) && argumentsOf(x).some((a) => !stableArgument(a, roles)));
    if (reordered) {
      const values = logicValuesAnswer(w, first, declaredInRegion, true);
      if (values === undefined) {
        const arg = w.successes.flatMap(argumentsOf).find((a) => !stableArgument(a, roles))!;
        throw new Unsafe('success-response-order', `\`${arg.getText().split('\n')[0].slice(0, 40)}\`, which the answer evaluates before its body, would run after the service evaluated the body (\`${first.body!.getText().split('\n')[0].slice(0, 40)}\`)`, arg);
      }
      success = { template: first.custom?.literal ?? text.slice(from, to), ...(values ? { varName: values } : {}) };
      keep.push([from, to]);
    } else if (locals.size) {
      // (the one value the answer needs is its body, a name: the service returns it and the controller names it so;
      // else the values travel out by their names, the body too when it is one of them)
      const bodyOnly = w.successes.length === 1 && locals.size === 1 && !!first.body && Node.isIdentifier(first.body) && locals.has(first.body.getText());
      const values = bodyOnly ? first.body!.getText() : logicValuesAnswer(w, first, declaredInRegion);
      if (!values) {
        const fileAnswer = first.chain?.methods.find((m) => m === 'sendFile' || m === 'download');
        throw new Unsafe('success-response-needs-logic-values', fileAnswer ? `the file answer (.${fileAnswer}()), which stays in the controller, takes values the logic computes (the file, its name or options)` : 'the success response (status, headers) uses values the logic computes besides its body', atOf(first));
      }
      success = { template: first.custom?.literal ?? text.slice(from, to), varName: values };
      if (!bodyOnly) keep.push([from, to]);
    } else if (first.custom) {
      success = { template: first.custom.template };
    } else {
      success = { template: first.body ? text.slice(from, first.body.getStart()) + '\u0000' + text.slice(first.body.getEnd(), to) : text.slice(from, to) };
    }
  }
  if (handOff) success = handOff.success;
  // (a chain's own catch callback answers in the controller, as written)
  if (chain?.custom) keep.push([chain.custom.getStart(), chain.custom.getEnd()]);
  // (so does the catch of the logic's tail try that answered by itself)
  if (keptClause) keep.push([keptClause.getStart(), keptClause.getEnd()]);
  // (and a callback's answer to its error, the controller's reaction to a failed service call)
  keep.push(...(w.keepRanges ?? []));
  const inKeep = (n: Node) => keep.some(([a, b]) => n.getStart() >= a && n.getEnd() <= b);
  // 4b. Helpers of the project handed the whole request (`security.isDeluxe(req)`): bound to the request in the
  // controller and called by the service where the logic called them (request-helpers.ts).
  if (site.framework === 'express') {
    for (const b of bindTranslationCalls(region, w, (n) => inKeep(n) || w.drop.has(n.getParentOrThrow()), fileUsesArrows(file))) {
      inputByKey.set('()' + b.name, b);
      inputs.push(b);
    }
    const handed = requestArgumentCalls(region, w, (n) => inKeep(n) || w.drop.has(n.getParentOrThrow()));
    for (const b of bindRequestCalls(w, handed, start, end, fileUsesArrows(file))) {
      inputByKey.set('()' + b.name, b);
      inputs.push(b);
    }
  }

  // Request values are read at the service call, before any of the logic runs. A read that comes after the logic's
  // first effect (a call, an await) is the same value then, but not always the same outcome: `req.body.x` throws when
  // no body was parsed (and `req.user.id` without a user), which used to happen after the effect. Such reads pass the
  // part itself (`body: req.body`) and read the field where the logic did. The socket's peer address is gone once the
  // client left: read after an await, it stays refused. (`body` only under Express 5: Express 4's parsers leave `{}`.)
  const regionAll = region.flatMap((r) => [r, ...r.getDescendants()]);
  const effects = regionAll.filter((d) => {
    // (a tag is called; `instanceof` calls a class's own Symbol.hasInstance, built-in classes aside)
    if (Node.isTaggedTemplateExpression(d)) return true;
    if (Node.isBinaryExpression(d) && d.getOperatorToken().getKind() === SyntaxKind.InstanceOfKeyword) return !BUILT_IN_CLASSES.has(d.getRight().getText());
    if (!(Node.isCallExpression(d) || Node.isNewExpression(d) || Node.isAwaitExpression(d))) return false;
    if (Node.isCallExpression(d) || Node.isNewExpression(d)) {
      const callee = d.getExpression();
      const root = chainRoot(callee);
      if (Node.isIdentifier(root) && roleOf(referenced(root), roles)) return false;
      // (conversions and arithmetic of the language that neither throw on plain values nor change anything)
      if (INERT_CALLS.test(callee.getText())) return false;
    }
    return true;
  });
  const after = (read: Node, kinds: (d: Node) => boolean) => enclosingFunction(read) !== site.fn || effects.some((d) => kinds(d) && d.getEnd() <= read.getStart());
  // (Express 5 leaves req.body undefined without a body; so does Express 4 where no body parser ran for the route, and
  // which parsers run for a route, in what order and for which content types, is not known here: multer leaves it
  // undefined for JSON, a parser may be mounted on another path or after the router)
  const bodyMayBeMissing = site.framework === 'express';
  // a part is there for certain, as far as the logic can tell, when one of its reads runs on every path before any
  // effect: had the part been missing, the logic threw there too, before doing anything. A read only some paths run
  // (inside an if, `&&`, `?:`, a loop) or one after an effect does not tell.
  // (from the read up to the handler itself, which is where it stops: the handler's own body is no nested function;
  // a read after a `return` or `throw` of the handler only runs on the paths that did not leave there)
  // (a labelled break or continue leaves a block as a return does)
  const exits = site.fn.getDescendants().filter((x) => (Node.isReturnStatement(x) || Node.isThrowStatement(x) || ((Node.isBreakStatement(x) || Node.isContinueStatement(x)) && !!x.getLabel())) && enclosingFunction(x) === site.fn);
  // a read inside a try block runs only when nothing before it in the block threw, and its own throw went to the
  // catch: conditional, unless the controller keeps that try around the service call (the handler's final try, or
  // the tail try whose catch answers by itself), where the reads are made too
  const keptTries = new Set<Node>([...(Node.isTryStatement(container.getParent()) ? [container.getParentOrThrow()] : []), ...(w.keptTry ? [w.keptTry] : [])]);
  const conditional = (d: Node): boolean => {
    if (exits.some((x) => x.getEnd() <= d.getStart())) return true;
    for (let a: Node = d; a !== site.fn; ) {
      const p = a.getParent();
      if (!p || p === site.fn) return false;
      if (Node.isTryStatement(p) && p.getTryBlock() === a && !keptTries.has(p)) return true;
      // (the arguments of an optional call, `tag?.concat(req.body.name)`, run only when there is something to call)
      if (Node.isCallExpression(p) && p.getArguments().includes(a) && (p.hasQuestionDotToken() || p.getExpression().getText().includes('?.'))) return true;
      if (Node.isElementAccessExpression(p) && p.getArgumentExpression() === a && (p.hasQuestionDotToken() || p.getExpression().getText().includes('?.'))) return true;
      if (Node.isIfStatement(p) && p.getExpression() !== a) return true;
      if (Node.isConditionalExpression(p) && p.getCondition() !== a) return true;
      if (Node.isBinaryExpression(p) && ['&&', '||', '??', '&&=', '||=', '??='].includes(p.getOperatorToken().getText()) && p.getRight() === a) return true;
      if (Node.isIterationStatement(p) || Node.isCaseClause(p) || Node.isDefaultClause(p) || Node.isCatchClause(p) || Node.isFunctionLikeDeclaration(p)) return true;
      a = p;
    }
    return false;
  };
  const partKnown = new Set<string>();
  for (const d of regionAll) {
    if (!Node.isPropertyAccessExpression(d) || !LATE_PARTS.has(d.getName()) || enclosingFunction(d) !== site.fn) continue;
    // (only a read through the part tells it was there: `!req.body` reads it without throwing)
    const through = d.getParent();
    if (!((Node.isPropertyAccessExpression(through) || Node.isElementAccessExpression(through)) && through.getExpression() === d && !through.hasQuestionDotToken())) continue;
    const obj = d.getExpression();
    if (!Node.isIdentifier(obj) || roleOf(referenced(obj), roles) !== 'request') continue;
    if (!conditional(d) && !after(d, () => true)) partKnown.add(d.getName());
  }
  const lateReadOf = (read: NonNullable<ReturnType<typeof requestRead>>, n: Node): ReturnType<typeof requestRead> => {
    const node = read.node;
    if (!Node.isPropertyAccessExpression(node)) return read;
    const inner = node.getExpression();
    if (Node.isPropertyAccessExpression(inner) && ['socket', 'connection'].includes(inner.getName())) {
      if (after(node, (d) => Node.isAwaitExpression(d))) throw new Unsafe('request-in-logic', `the logic reads \`${node.getText()}\` after it waited: the client may be gone by then, and the address with it`, node);
      return read;
    }
    const known = Node.isPropertyAccessExpression(inner) && partKnown.has(inner.getName());
    if (Node.isPropertyAccessExpression(inner) && inner.getExpression() === n && LATE_PARTS.has(inner.getName()) && (inner.getName() !== 'body' || bodyMayBeMissing) && !known) {
      const part = inner.getName();
      return { node: inner, name: part, alt: 'request' + part[0].toUpperCase() + part.slice(1) };
    }
    return read;
  };
  // the service lives in another folder: what names the module's own location would name another one there
  for (const r of region) {
    const at = moduleLocation(r);
    if (at) throw new Unsafe('module-location', `the logic uses \`${at.getText().slice(0, 40)}\`, which means the router module's own folder; from the service's folder it would name another place`, at);
  }
  regionNodes((n) => {
    if (!Node.isIdentifier(n) || !isReference(n) || w.handled.has(n)) return;
    if (inKeep(n)) return;
    if (w.drop.has(n.getParentOrThrow())) return;
    const sym = referenced(n);
    const role = roleOf(sym, roles);
    if (role === 'response') throw responseMisuse(n, w);
    if (role === 'next') {
      // (`.catch(next)`, or a callback only forwarding its error to next: the controller writes `.catch(next)`)
      if (chain?.catchCall && (n.getParent() === chain.catchCall || n.getFirstAncestor((a) => a === chain.catchCall!.getArguments()[0]))) return;
      const owner = enclosingFunction(n);
      if (owner && owner !== site.fn && !w.resultFns.has(owner)) throw new Unsafe('response-in-callback', 'the response (or next) is written inside a callback', n);
      throw new Unsafe('next-in-logic', 'the logic calls `next` itself', n);
    }
    if (role === 'request' || role === 'context') {
      let read = requestRead(n, role);
      if (read && role === 'request' && !read.part) read = lateReadOf(read, n);
      if (!read) {
        const parent = n.getParent();
        if (role === 'request' && ((Node.isPropertyAccessExpression(parent) && parent.getName() === 'session') || destructuredPart(n) === 'session')) throw new Unsafe('session-mutation', 'the logic uses the session', n);
        if (role === 'context') {
          if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'throw') throw new Unsafe('ctx-throw', 'the logic answers with ctx.throw', n);
          if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'state') throw new Unsafe('session-mutation', 'the logic uses ctx.state', n);
          throw new Unsafe('response-not-in-tail', 'the logic uses the context in a way that cannot be moved', n);
        }
        const write = requestWriteAt(n);
        if (write) throw requestWriteReason(write, region, roles, site);
        if (Node.isCallExpression(parent) && parent.getArguments().includes(n)) {
          throw new Unsafe('request-in-logic', `the logic passes the request to \`${parent.getExpression().getText().slice(0, 40)}\`, which may read or change it at any time`, n);
        }
        if (Node.isPropertyAccessExpression(parent) && Node.isCallExpression(parent.getParent()) && (parent.getParent() as CallExpression).getExpression() === parent) {
          throw new Unsafe('request-in-logic', `the logic calls \`${parent.getText()}\` (session or HTTP state of the request, which stays in the controller)`, n);
        }
        if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === n) {
          throw new Unsafe('request-in-logic', `the logic reads \`${parent.getText()}\`, which is neither a part of the request nor set by the app's own middleware before it hands on (a package's property or method, or a value set after next() or in a callback: not known to be the value the handler reads)`, n);
        }
        throw new Unsafe('request-in-logic', 'the logic uses the request object beyond plain reads', n);
      }
      const key = read.node.getText();
      let input = inputByKey.get(key);
      if (!input) {
        let name = read.name;
        const alt = read.alt;
        // (a name destructured from the request, read whole, keeps its own name: it means the same value in the service)
        const own = read.node === n ? n.getText() : undefined;
        const taken = (x: string) => (usedNames.has(x) && x !== own) || inputs.some((i) => i.name === x);
        if (taken(name)) name = !usedNames.has(alt) ? alt : name;
        for (let i = 2; taken(name); i++) name = `${read.name}${i}`;
        input = { name, expr: key, typeNode: read.node, assigned: false, declKind: 'const', ...(read.part ? { part: read.part } : {}) };
        inputByKey.set(key, input);
        inputs.push(input);
      }
      // a name destructured from the request, whole inside a function of the logic (`setTimeout(() => log(query))`):
      // that function may run after the handler returned, when the object may hold something else
      if (read.node === n && enclosingFunction(n) !== site.fn && !primitive(n)) {
        throw new Unsafe('destructured-parameters', `\`${n.getText()}\`, destructured from the request, is captured whole by a function of the logic that may run later`, n);
      }
      const shorthand = n.getParent();
      if (Node.isShorthandPropertyAssignment(shorthand) && input.name !== n.getText()) edits.replace(n.getStart(), n.getEnd(), `${n.getText()}: ${input.name}`);
      else edits.replace(read.node.getStart(), read.node.getEnd(), input.name);
      return;
    }
    if (!sym || declaredInRegion.has(sym)) return;
    const decls = sym.getDeclarations();
    if (!decls.length) return; // globals
    const decl = decls[0];
    if (decl.getSourceFile() !== file) {
      // ambient or other files (never a local of this handler); a CommonJS destructured require
      // (`var { page } = require('./x')`) resolves to the other module's declaration: its statement here is the dependency
      const binding = file.getStatements().find((st) => Node.isVariableStatement(st) && st.getDeclarations().every((d) => /^require\(/.test(d.getInitializer()?.getText() ?? '')) && st.getDeclarations().some((d) => Node.isObjectBindingPattern(d.getNameNode()) && d.getNameNode().getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === n.getText() && Node.isBindingElement(i.getParent()) && (i.getParent() as import('ts-morph').BindingElement).getNameNode() === i)));
      if (binding) {
        deps.add(binding);
        depNames.add(n.getText());
      }
      return;
    }
    // declared in the handler but outside the region: an input
    if (decl.getFirstAncestor((a) => a === handlerScope) || decl === handlerScope) {
      if (Node.isFunctionDeclaration(decl)) throw new Unsafe('handler-local-function', 'the logic calls a function declared in the handler', n);
      // (a class of the handler has no name the service could type its input with)
      if (Node.isClassDeclaration(decl)) throw new Unsafe('handler-local-function', 'the logic uses a class declared in the handler', n);
      const v = Node.isVariableDeclaration(decl) ? decl : decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
      const init = v?.getInitializer();
      if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) throw new Unsafe('handler-local-function', 'the logic calls a function declared in the handler', n);
      if (init && Node.isClassExpression(init)) throw new Unsafe('handler-local-function', 'the logic uses a class declared in the handler', n);
      if (Node.isParameterDeclaration(decl)) throw new Unsafe('request-in-logic', 'the logic uses a handler parameter', n);
      // (`const r = req`: the request itself would be handed to the service)
      const held = init && decl === v ? unwrap(init) : undefined;
      // (or a call that returns it or a copy holding its parts: `same(req)`, `new Proxy(req, {})`, `{ ...req }`)
      const handsOn = !!held && !Node.isIdentifier(held) && held.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => isReference(i) && roleOf(referenced(i), roles) === 'request' && referenced(i) === roles.request && aliasedParts(i) === undefined);
      const heldRole = held && Node.isIdentifier(held) ? roleOf(referenced(held), roles) : handsOn ? 'request' : undefined;
      if (heldRole) throw new Unsafe('request-in-logic', `the logic uses \`${n.getText()}\`, which holds the ${heldRole === 'request' || heldRole === 'context' ? `request ${handsOn ? '(or a part of it, through a call or a copy)' : 'itself'}` : 'response or next itself'}`, n);
      const name = n.getText();
      let input = inputByKey.get('$' + name);
      // (a kept value the checks before the try narrowed has the type its first use in the try sees)
      const narrowedAt = !input && keepBeforeTry ? keptValue(n, decl, site, region) : undefined;
      if (!input) {
        const stmt = decl.getFirstAncestorByKind(SyntaxKind.VariableStatement);
        const kind = stmt ? (stmt.getDeclarationKind() as 'var' | 'let' | 'const') : 'const';
        const annotation = v?.getTypeNode()?.getText();
        if (v?.getTypeNode()) {
          // types named in the annotation (a DTO) come along like any other module-level dependency
          v.getTypeNode()!.forEachDescendant((d) => {
            if (!Node.isIdentifier(d)) return;
            const td = d.getSymbol()?.getDeclarations()[0];
            if (!td || td.getSourceFile() !== file) return;
            // (a type the handler itself declares has no name the service could import)
            if (td.getFirstAncestor((a) => a === site.fn)) throw new Unsafe('input-type-not-exported', `the input \`${name}\` is typed \`${d.getText()}\`, which the handler itself declares, so the service cannot name it`, d);
            const top = topLevelStatement(td);
            if (top) {
              deps.add(top);
              depNames.add(d.getText());
            }
          });
        }
        input = narrowedAt
          ? { name, expr: name, typeNode: narrowedAt, assigned: false, declKind: kind }
          : { name, expr: name, typeNode: Node.isBindingElement(decl) ? decl.getNameNode() : (v?.getNameNode() ?? n), assigned: false, declKind: kind, ...(annotation && v?.getNameNode().getText() === name ? { annotation, ...(v?.getInitializer() ? { initializer: v.getInitializer() } : {}) } : {}) };
        inputByKey.set('$' + name, input);
        inputs.push(input);
      }
      if (isWriteTarget(n)) {
        input.assigned = true;
      }
      return;
    }
    // module level
    const stmt = topLevelStatement(decl);
    if (!stmt) {
      // a parameter, variable or function of an enclosing function (a router factory's `db`, `name`, `opts`) that
      // nothing ever assigns holds the same value at the call as inside the logic: it is passed in
      const closure = closureInput(n, decl, sym);
      if (!closure) throw new Unsafe('closure-state', 'the logic uses a variable of an enclosing function that is assigned after it is declared', n);
      if (!inputByKey.has('$' + closure.name)) {
        inputByKey.set('$' + closure.name, closure);
        inputs.push(closure);
      }
      return;
    }
    // a name declared more than once (a function's overloads, a function or class merged with a namespace): all of
    // its declarations would have to move as one, which only overloads can
    const tops = [...new Set(decls.filter((d) => d.getSourceFile() === file).map((d) => topLevelStatement(d)).filter((t): t is Statement => !!t))];
    if (tops.length > 1 && !tops.every((t) => Node.isFunctionDeclaration(t))) throw new Unsafe('merged-declaration', `the logic uses \`${n.getText()}\`, declared more than once in the router module (merged with a namespace, an interface or an enum): its declarations cannot move apart`, n);
    for (const t of tops) deps.add(t);
    deps.add(stmt);
    depNames.add(n.getText());
  });

  if (w.pending) throw w.pending;
  if (keptClause) keptCatchReads(keptClause, region, inputs, file);
  else if (w.inputsBefore !== undefined) missingPartsRead(inputs, w.inputsBefore, 'the controller hands what throws inside its try to next');

  // 4b. Request reads in the logic are passed in, i.e. read before the logic runs. That is the same value only when
  // nothing can write to that part of the request in between: the logic cannot write to the request itself (refused
  // above), so the only way is an alias of the whole part (`const body = req.body`, `save(req.body)`).
  // (`req.body?.name`, `req?.body.name`: the part is `req.body` all the same)
  const plain = (t: string) => t.replace(/\?\./g, '.');
  const hoistedParts = new Set(inputs.filter((i) => plain(i.expr).split('.').length === 3).map((i) => plain(i.expr).split('.').slice(0, 2).join('.')));
  for (const i of inputs) if (i.part) hoistedParts.add(i.part); // `query.email` of `({ query }: Request)`
  // (unless every read of the part's fields runs before anything that could change it: no call, await or assignment
  // of the logic comes first, and none is in a loop or a nested function: read at the service call, the same value)
  // (a helper bound to the request is proven not to change it: request-helpers.ts)
  const bound = inputs.flatMap((i) => (i.bound ? [i.bound.result] : []));
  // (a for-of or for-in head that is no declaration writes: `for (b.name of list)`)
  const writesOrEffects = regionAll.filter((d) => !bound.some((b) => d === b || d.getFirstAncestor((a) => a === b))).filter((d) => effects.includes(d) || (Node.isBinaryExpression(d) && isAssignment(d.getOperatorToken().getText())) || Node.isDeleteExpression(d) || Node.isPostfixUnaryExpression(d) || (Node.isPrefixUnaryExpression(d) && /^(\+\+|--)/.test(d.getText())) || ((Node.isForOfStatement(d) || Node.isForInStatement(d)) && !Node.isVariableDeclarationList(d.getInitializer())));
  // The whole part may be tested first (`if (!req.body) return …`): then the field read only ran when the part was
  // there, and read at the service call it would throw. So every use of the part that is not a field read must come
  // after the field reads, and the reads must run on every path (not under an `if`, `&&`, `?:`).
  const readsFirstOf = new Map<string, boolean>();
  const readsFirst = (part: string): boolean => {
    const known = readsFirstOf.get(part);
    if (known !== undefined) return known;
    // (the part's own text: `req.body`, or `body` destructured; not the name `body` of `req.body`)
    const uses = regionAll.filter((d) => (Node.isPropertyAccessExpression(d) || Node.isElementAccessExpression(d) || Node.isIdentifier(d)) && plain(d.getText()) === part && !(Node.isPropertyAccessExpression(d.getParent()) && (d.getParent() as import('ts-morph').PropertyAccessExpression).getNameNode() === d));
    const reads = uses.filter((d) => { const p = d.getParent(); return (Node.isPropertyAccessExpression(p) || Node.isElementAccessExpression(p)) && p.getExpression() === d; });
    const whole = uses.filter((d) => !reads.includes(d));
    const direct = (d: Node) => enclosingFunction(d) === site.fn && !loopAround(d, site.fn);
    // (an effect on another branch of an if than the read never runs before it: `if (req.body.id === id) { await
    // update(req.body) } else { … req.body.id … }`)
    const effectBefore = (d: Node) => writesOrEffects.some((x) => x.getEnd() <= d.getStart() && !exclusiveBranches(x, d, site.fn));
    // the part is there, as far as the logic can tell, past a field read every path runs first, before any effect
    // and before any use of the whole part (which may test it: `if (!req.body)`)
    const proof = reads.find((d) => direct(d) && !conditional(d) && !optionalRead(d) && !writesOrEffects.some((x) => x.getEnd() <= d.getStart()) && whole.every((u) => u.getStart() >= d.getEnd()));
    // then a read some paths run (inside an if or `?:`, not a loop, a catch or a case) is read at the service call
    // without throwing, and reads the same value when no effect runs before it on its path
    const first = !!proof && reads.every((d) => direct(d) && !effectBefore(d) && (d === proof || !conditional(d) || (d.getStart() >= proof.getEnd() && branchOnly(d, site.fn))));
    readsFirstOf.set(part, first);
    return first;
  };
  if (hoistedParts.size) {
    site.fn.forEachDescendant((d) => {
      if (!Node.isIdentifier(d) || !isReference(d)) return;
      const role = roleOf(referenced(d), roles);
      if (role !== 'request' && role !== 'context') return;
      const read = requestRead(d, role);
      if (!read) {
        // an alias of a part made outside the logic and used in it under another name (`const { body } = req`,
        // `const { body: b } = req`, `req['body']`) is a use of the whole part all the same
        // (the parameter itself, or a name the handler destructures from it, is no use)
        if (Node.isParameterDeclaration(d.getParent()) || Node.isBindingElement(d.getParent())) return;
        const aliases = aliasedParts(d);
        // (any other use hands on the request itself, `{ ...req }`, `Object.assign({}, req)`, `[req]`, `req || {}`,
        // `(0, req).body`: every part may be reached through it)
        for (const aliased of aliases ?? [...hoistedParts].map((part) => ({ part, at: d.getParent() ?? d }))) {
          if (!hoistedParts.has(aliased.part) || readsFirst(aliased.part)) continue;
          throw new Unsafe('request-read-aliased', `\`${aliased.at.getText().split('\n')[0].slice(0, 40)}\` ${aliases ? `holds \`${aliased.part}\` as a whole` : 'hands on the request itself'}, so a field of ${aliased.part} read by the logic may change before the logic reads it`, aliased.at);
        }
        return;
      }
      if (!hoistedParts.has(plain(read.node.getText()))) return;
      const p = read.node.getParent();
      // a property read of the part (`req.body.name`) or a destructuring without rest copies values, not the object
      if (Node.isPropertyAccessExpression(p) && p.getExpression() === read.node) return;
      if (Node.isVariableDeclaration(p) && p.getInitializer() === read.node) {
        const name = p.getNameNode();
        if (Node.isObjectBindingPattern(name) && !name.getElements().some((el) => el.getDotDotDotToken())) return;
      }
      if (readsFirst(read.node.getText())) return;
      throw new Unsafe('request-read-aliased', `\`${read.node.getText()}\` is used as a whole, so a field of it read by the logic may change before the logic reads it`, read.node);
    });
  }

  // 5. Names declared in the region must not be used by what stays (the catch clause, the reads).
  for (const sym of declaredInRegion) {
    for (const decl of sym.getDeclarations()) {
      const nameNode = (decl as any).getNameNode?.();
      if (!nameNode || !Node.isIdentifier(nameNode)) continue;
      for (const ref of regionLocalReferences(decl, nameNode, sym) ?? nameNode.findReferencesAsNodes()) {
        if (ref.getSourceFile() !== file) continue;
        // (a destructured name's references include the property it was read from, `u.tags` elsewhere: not this name)
        if (Node.isIdentifier(ref) && (!isReference(ref) || (referenced(ref) !== sym && !Node.isShorthandPropertyAssignment(ref.getParent())))) continue;
        const pos = ref.getStart();
        if ((pos < start || pos >= end) && nameNode.getText() !== handOff?.returnVar) throw new Unsafe('shared-local', `\`${nameNode.getText()}\` is used both by the logic and by code that stays in the handler`, ref);
      }
    }
  }
  if (catchClause) void catchClause;

  // Type errors the checker already reports inside the logic would show up as new ones in the service module.
  const existing = diagnosticIn(file, start, end, (d) => onUnknownParameter(d, site.fn, file));
  if (existing) throw new Unsafe('type-errors-in-logic', `the logic has a type error already (${existing.slice(0, 80)})`, site.fn);
  for (const d of w.drop) {
    const prev = d.getPreviousSibling();
    const next = d.getNextSibling();
    // (the first statement of its block: up to the next one, so that no blank line is left)
    edits.remove(prev ? prev.getEnd() : d.getStart(), prev || !next ? d.getEnd() : next.getStart());
  }
  const semi = region.some((r) => [r, ...r.getDescendants()].some((d) => (Node.isExpressionStatement(d) || Node.isVariableStatement(d)) && d.getText().endsWith(';'))) ? ';' : '';
  flushCallbackEdits(w); // issue 14: callbacks.ts dedents flattened callbacks
  const bodyText = w.prefix + edits.slice(start, end) + (handOff?.returnVar ? `\n${indentAt(file.getFullText(), region[0].getStart())}return ${handOff.returnVar}${semi}` : '');
  // (a chain with a catch of its own is returned as it is: a synchronous throw of the logic still leaves the handler
  // synchronously, to Express, instead of reaching that catch as a rejection of an async method)
  const async = usesAwait || (w.usesChain && !chainCatch);
  if (chainCatch && usesAwait) throw new Unsafe('response-in-callback', 'the logic awaits before a promise chain that answers its own failures: the service would be async, and a throw before the chain would reach that catch', site.fn);
  if (w.nextThrows && w.nextMayThrow === 'sync' && async) {
    throw new Unsafe('next-in-logic', 'the logic calls `next` with an error, and the service would be asynchronous: its throw would no longer reach next', site.fn);
  }
  const call = w.usesChain ? 'then' : usesAwait ? 'await' : 'sync';
  if (call === 'then' && site.fn.isAsync()) {
    // an async handler with a promise chain: awaiting the service keeps errors on the same path (.catch(next))
  }
  inputs.sort((a, b) => a.typeNode.getStart() - b.typeNode.getStart());
  const multilineTemplate = region.some((r) => r.getDescendants().some((d) => (Node.isTemplateExpression(d) || Node.isNoSubstitutionTemplateLiteral(d)) && d.getText().includes('\n')));
  let catchInsert: Extraction['catchInsert'];
  if (catchClause && Node.isCatchClause(catchClause)) {
    const variable = catchClause.getVariableDeclaration()?.getNameNode();
    if (!variable || !Node.isIdentifier(variable)) throw new Unsafe('catch-without-variable', 'the final catch clause does not name the error', catchClause);
    const block = catchClause.getBlock();
    const firstInCatch = block.getStatements()[0];
    const text = file.getFullText();
    catchInsert = { at: block.getStart() + 1, variable: variable.getText(), indent: firstInCatch ? indentAt(text, firstInCatch.getStart()) : indentAt(text, catchClause.getStart()) + '  ' };
  }
  // Input types the service must write: a type no other module can name (not exported) would not resolve there.
  for (const i of inputs) {
    if (i.annotation) continue;
    if (i.bound) {
      for (const p of i.bound.params) {
        const bad = unnameableType(p.node);
        if (bad) throw new Unsafe('input-type-not-exported', `an argument of \`${i.bound.result.getText().split('(')[0]}\` has the type ${bad}, which is not exported, so the service cannot name it`, p.node);
      }
      const bad = unnameableType(i.bound.result);
      if (bad && !i.bound.query) throw new Unsafe('input-type-not-exported', `\`${i.bound.result.getText().split('(')[0]}\` returns ${bad}, which is not exported, so the service cannot name it`, i.bound.result);
      if (!bad) delete i.bound.query;
      continue;
    }
    const bad = unnameableType(i.typeNode);
    if (bad) {
      const resultOf = callResultType(i);
      if (!resultOf) throw new Unsafe('input-type-not-exported', `the input \`${i.expr.slice(0, 40)}\` has the type ${bad}, which is not exported, so the service cannot name it`, i.typeNode);
      i.resultOf = resultOf;
    }
  }
  if (w.errorVia?.size === 2 && site.framework === 'fastify') {
    throw new Unsafe('varying-error-exit', 'some error paths return the reply and others do not', w.errors[0]?.at ?? site.fn);
  }
  const answerReturns = site.framework === 'fastify' && !!w.errorVia?.has('return');
  let keptCatch: Extraction['keptCatch'];
  if (keptClause) {
    if (call === 'then') throw new Unsafe('response-inside-try', 'the tail try whose catch answers by itself holds a promise chain', keptClause);
    if (w.errors.length && !Node.isIdentifier(keptClause.getVariableDeclaration()?.getNameNode() ?? keptClause)) throw new Unsafe('catch-without-variable', 'the catch of the tail try does not name the error', keptClause);
    keptCatch = guardedCatch(keptClause, site, semi);
  }
  // tests that load the router module afresh with its imports replaced would not replace them in the service
  // (test-reloads.ts)
  // (the package's tests are read once per run; what the logic imports is looked for only when one reloads the module)
  const reloader = reloadingTest(file);
  const imported = reloader ? movedImport(region, deps, file) : undefined;
  if (imported && reloader) throw new Unsafe('reloaded-by-tests', `the app's tests (${reloader}) load this module afresh with its imports replaced; \`${imported.getText().split('\n')[0].slice(0, 60)}\`, used by the logic, moved into a service module would not be replaced there`, imported);
  // the domain errors the service throws are the errors module's classes: a name the logic binds or uses otherwise
  // (the app's own `NotFoundError`, a catch parameter) would be that thing instead (adversarial round 15, F5)
  const kinds = new Set(w.errors.map((x) => x.kind));
  // (a member name, `errors.ValidationError` or `{ ValidationError: … }`, binds nothing: adversarial round 16, F7)
  const clash = kinds.size ? [...regionAll, ...[...deps].flatMap((d) => d.getDescendants())].find((d) => Node.isIdentifier(d) && kinds.has(d.getText()) && !isMemberName(d) && !w.edits.overlaps(d.getStart(), d.getEnd())) : undefined;
  if (clash) throw new Unsafe('service-name-clash', `the logic uses the name \`${clash.getText()}\`, which the domain error the service would throw has too`, clash);
  // flashed failures (flash-answer.ts): one answer for all of them, in a catch the controller writes or keeps
  const flashed = w.errors.filter((x) => x.form === 'flash');
  if (flashed.length) {
    const other = flashed.find((x) => x.flashLines!.join('\n') !== flashed[0].flashLines!.join('\n'));
    if (other) throw new Unsafe('flash-answers-differ', 'the logic answers failures with flash messages and redirects that differ in more than their message: one catch could not answer them all', other.at);
    // (the handler's catch tests the kind first: another answer thrown as that kind would be flashed too)
    const sameKind = w.errors.find((x) => x.form !== 'flash' && x.kind === flashed[0].kind);
    if (sameKind) throw new Unsafe('flash-answers-differ', `the logic answers one failure with a flash and a redirect and another with a status (${sameKind.status}) that is the same domain error: one catch could not tell them apart`, sameKind.at);
    if (call === 'then' || chainCatch || keptCatch || syncErrors || w.errorAnswer) {
      throw new Unsafe('response-in-callback', 'the logic answers a failure with a flash and a redirect, and its other answers come from a promise chain, a callback or a catch kept as written, which would not answer it', flashed[0].at);
    }
  }
  return { ...(answerReturns ? { answerReturns } : {}), ...(w.forwardsToNext ? { forwardsToNext: true } : {}), ...(chainCatch ? { chainCatch } : {}), ...(keptCatch ? { keptCatch } : {}), ...(syncErrors ? { syncErrors } : {}), ...(w.errorAnswer ? { errorAnswer: w.errorAnswer } : {}), site, start, end, inputs, body: bodyText, async, call, deps, depNames, indent: indentAt(file.getFullText(), region[0].getStart()), multilineTemplate, errors: w.errors, ...(success ? { success } : {}), ...(catchInsert ? { catchInsert } : {}), keep };
}

/**
 * The chain's own catch callback, kept in the controller as written (`.catch((err) => res.status(500).json(...))`).
 * Only when the callback reads nothing the logic declares; it gets the domain errors answered first (the controller
 * inserts that line). Logic before the chain stays synchronous in the service (see chainBeforeLogic).
 */
function customChainCatch(cb: import('./routes.js').HandlerFn, region: Statement[], last: Statement, site: RouteSite): NonNullable<Extraction['chainCatch']> {
  const file = site.file;
  const params = cb.getParameters();
  const p = params[0]?.getNameNode();
  if (params.length !== 1 || !p || !Node.isIdentifier(p) || params[0].hasInitializer() || params[0].isRestParameter()) {
    throw new Unsafe('response-in-callback', 'the chain\'s catch callback does not take the error as one plain parameter', cb);
  }
  for (const id of cb.getDescendantsOfKind(SyntaxKind.Identifier)) {
    const decl = referenced(id)?.getDeclarations()[0];
    if (decl && decl.getSourceFile() === file && decl.getStart() >= region[0].getStart() && decl.getEnd() <= last.getEnd() && !(decl.getStart() >= cb.getStart() && decl.getEnd() <= cb.getEnd())) {
      throw new Unsafe('response-in-callback', `the chain's catch callback reads \`${id.getText()}\` of the logic`, id);
    }
  }
  const body = cb.getBody();
  if (!body) throw new Unsafe('response-in-callback', 'the chain\'s catch callback has no body', cb);
  // the same callback answering the domain errors the service throws first
  const semi = /;\s*$/.test(last.getText()) ? ';' : '';
  const guard = domainGuard(site, p.getText(), semi);
  const text = cb.getText();
  const at = (n: Node) => n.getStart() - cb.getStart();
  const guarded = Node.isBlock(body) ? guardFirst(cb, body, guard) : `${text.slice(0, at(body)).trimEnd()} { ${guard}${semi ? '' : ';'} return ${text.slice(at(body))}${semi || ';'} }`;
  // (`return chain.catch(cb)`: Express 5 handles the returned promise when the kept catch rethrows)
  return { text, guarded, returned: Node.isReturnStatement(last) };
}

/**
 * A handler variable (`const user = security.authenticatedUsers.get(token)`, or `await` of such a call) whose type the
 * service cannot name, typed by the called function instead: `ReturnType<typeof import("…").authenticatedUsers.get>`,
 * `NonNullable<…>` when the use the input is typed at excludes null and undefined the declaration allows.
 */
function callResultType(i: Input): Input['resultOf'] {
  const decl = i.typeNode.getSymbol()?.getDeclarations()[0] ?? (Node.isIdentifier(i.typeNode) ? referenced(i.typeNode)?.getDeclarations()[0] : undefined);
  if (!decl || !Node.isVariableDeclaration(decl) || !Node.isIdentifier(decl.getNameNode()) || decl.getTypeNode()) return undefined;
  let init = decl.getInitializer();
  // (`const email = loggedInUser.data.email`: the same type query, indexed by the property names read, when
  // `loggedInUser` is such a variable itself; `?.` reads are not followed)
  const path: string[] = [];
  while (init && Node.isPropertyAccessExpression(init) && !init.hasQuestionDotToken()) {
    path.unshift(init.getName());
    init = init.getExpression();
  }
  if (path.length) {
    if (!init || !Node.isIdentifier(init)) return undefined;
    const rootDecl = referenced(init)?.getDeclarations()[0];
    if (!rootDecl || !Node.isVariableDeclaration(rootDecl) || rootDecl.getTypeNode() || !Node.isIdentifier(rootDecl.getNameNode())) return undefined;
    const root = callResultType({ ...i, typeNode: init });
    const declared = decl.getType();
    // (the indexed type is the declared one: only where the use sees that same type, nothing narrowed)
    const used = i.typeNode.getType();
    if (!root || !used.isAssignableTo(declared) || !declared.isAssignableTo(used)) return undefined;
    return { ...root, path: [...(root.path ?? []), ...path], nonNull: root.nonNull };
  }
  const awaited = !!init && Node.isAwaitExpression(init);
  if (init && Node.isAwaitExpression(init)) init = init.getExpression();
  if (!init || !Node.isCallExpression(init) || init.getTypeArguments().length) return undefined;
  const query = typeQuery(init.getExpression());
  if (!query) return undefined;
  const declared = decl.getType();
  const used = i.typeNode.getType();
  const nullable = (t: import('ts-morph').Type) => (t.isUnion() ? t.getUnionTypes() : [t]).some((p) => p.isNull() || p.isUndefined());
  // (the call's own result type, as written at the declaration; only null and undefined may be narrowed away)
  if (!used.isAssignableTo(declared) || !declared.getNonNullableType().isAssignableTo(used)) return undefined;
  return { ...query, nonNull: nullable(declared) && !nullable(used), awaited };
}

/** Is the value typed as the language's own Promise (not `any`, not a library's thenable)? */
function nativePromise(n: Node): boolean {
  const t = n.getType();
  if (t.isAny() || t.isUnknown()) return false;
  const decl = (t.getSymbol() ?? t.getAliasSymbol())?.getDeclarations()[0];
  return t.getSymbol()?.getName() === 'Promise' && !!decl && decl.getSourceFile().isDeclarationFile() && /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(decl.getSourceFile().getFilePath());
}

/**
 * The controller's catch for a chain that had none: the domain errors the service rejects with are answered, anything
 * else is thrown again, an unhandled rejection as before (the chain is not returned to the router unless the handler
 * returned it: Express 5 then hands the rejection to next, as it did). Without domain errors the controller writes no
 * catch at all (controller.ts).
 */
function unhandledChainCatch(last: Statement): NonNullable<Extraction['chainCatch']> {
  return { text: '', guarded: '', returned: Node.isReturnStatement(last), unhandled: true };
}

/** Request parts that may be missing (no body under Express 5, no cookie parser, no signed-in user): a field read throws. */
const LATE_PARTS = new Set(['body', 'cookies', 'signedCookies', 'user']);

/**
 * "Property 'params' does not exist on type 'unknown'" on a read of the handler's own `req`/`res`/`next`, typed
 * `unknown` by the function it is handed to: express-async-handler's declarations name Express's types, which a
 * JavaScript app without @types/express lacks, so its parameters become `unknown` where a plain handler's are `any`.
 * The reads of the request stay in the controller as they are (the same errors there), the service gets plain
 * values; the check after the run still judges every error that looks new.
 */
function onUnknownParameter(d: import('ts-morph').Diagnostic, fn: HandlerFn, file: SourceFile): boolean {
  if (![2339, 2349, 18046, 2571].includes(d.getCode()) || !/\.[cm]?jsx?$/.test(file.getFilePath())) return false;
  const at = d.getStart();
  const node = at === undefined ? undefined : file.getDescendantAtPos(at);
  if (!node || !Node.isIdentifier(node)) return false;
  const parent = node.getParent();
  const root = Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node ? parent.getExpression() : node;
  if (!Node.isIdentifier(root)) return false;
  const decl = referenced(root)?.getDeclarations()[0];
  return !!decl && Node.isParameterDeclaration(decl) && decl.getParent() === fn && decl.getType().isUnknown();
}

/** Shapes of a route's handler that Express calls as it is (a factory returns the function itself). */
const DIRECT_SHAPES = new Set(['inline', 'identifier', 'member', 'namespace-import', 'commonjs-export', 'class-method', 'bound-method', 'factory']);

/** How RouteSite.shapes names a registration through a package's wrapper whose behaviour is known. */
export const knownWrapperShape = (wrapper: KnownWrapper) => `wrapped(${wrapper})`;
const shapesOfSite = (site: RouteSite) => [site.route.handler?.wrapper ? knownWrapperShape(site.route.handler.wrapper) : (site.route.handler?.shape ?? ''), ...(site.shapes ?? [])];

/**
 * Some route registers the handler other than as it is, on this route or another (`get('/w', answer(users.getById))`,
 * an unknown shape): a wrapper of the app calls it, and may catch its throws or read what it returns. express-async-handler
 * is not such a wrapper: what it does with the handler is known (knownWrapperOnly).
 */
function calledThroughWrapper(site: RouteSite): boolean {
  return shapesOfSite(site).some((s) => !DIRECT_SHAPES.has(s) && s !== knownWrapperShape('express-async-handler'));
}

/**
 * Every route registers the handler through express-async-handler (`asyncHandler(async (req, res) => …)`): its
 * rejections, and so the throws of an async handler, reach `next` whoever calls the wrapped function, and what it
 * returns is not read.
 */
function knownWrapperOnly(site: RouteSite): boolean {
  return shapesOfSite(site).every((s) => s === knownWrapperShape('express-async-handler'));
}

/**
 * Is the handler called by Express only, as registered? Its shape in the app model is a direct one, and a named
 * handler is referenced nowhere but in registrations, imports and exports (`setTimeout(() => getItem(req, res, next))`
 * elsewhere would call it outside Express, where a throw is not turned into next(err)).
 */
function calledByTheRouterOnly(site: RouteSite): boolean {
  if (calledThroughWrapper(site)) return false;
  const fn = site.fn;
  const parent = fn.getParent();
  const nameNode = Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) ? fn.getNameNode() : Node.isVariableDeclaration(parent) ? parent.getNameNode() : Node.isPropertyAssignment(parent) || Node.isPropertyDeclaration(parent) ? parent.getNameNode() : undefined;
  if (!nameNode || !Node.isIdentifier(nameNode)) return true;
  // the reference is itself an argument of a route registration (`get('/x', getItem)`, `[auth, getItem]`,
  // `users.getItem`, `users.getItem.bind(users)`), not a call somewhere inside another handler
  const registrationArg = (r: Node) => {
    let cur: Node = r;
    for (;;) {
      const p = cur.getParent();
      if (!p) return false;
      if (Node.isPropertyAccessExpression(p) && p.getNameNode() === cur) cur = p;
      else if (Node.isPropertyAccessExpression(p) && p.getExpression() === cur && p.getName() === 'bind' && Node.isCallExpression(p.getParent()) && (p.getParent() as CallExpression).getExpression() === p) cur = p.getParentOrThrow();
      else if (Node.isArrayLiteralExpression(p)) cur = p;
      else return Node.isCallExpression(p) && p.getArguments().includes(cur as never) && /\.(get|post|put|patch|delete|del|all|head|options|use)$/.test(p.getExpression().getText());
    }
  };
  const exported = (r: Node) =>
    !!r.getFirstAncestor((a) => Node.isImportDeclaration(a) || Node.isExportDeclaration(a) || Node.isExportAssignment(a)) ||
    !!r.getFirstAncestor((a) => Node.isBinaryExpression(a) && /^(module\.)?exports\b/.test(a.getLeft().getText())) ||
    Node.isBindingElement(r.getParent()) ||
    Node.isShorthandPropertyAssignment(r.getParent()) && !!r.getFirstAncestor((a) => Node.isBinaryExpression(a) && /exports/.test(a.getLeft().getText()));
  // CommonJS: who calls an export through require() is not followed, so an exported handler may be called anywhere
  const commonJs = !/^\s*(import|export)\s/m.test(fn.getSourceFile().getFullText());
  const refs = nameNode.findReferencesAsNodes();
  if (commonJs && refs.some((r) => r !== nameNode && !registrationArg(r) && exported(r))) return false;
  // a method of an object looked up by a computed name (`handlers[name](req, res, next)`) may be called from there
  const table = Node.isObjectLiteralExpression(parent) || Node.isObjectLiteralExpression(parent?.getParent()) ? (Node.isObjectLiteralExpression(parent) ? parent : parent!.getParentOrThrow()).getParent() : undefined;
  if (table && Node.isVariableDeclaration(table) && Node.isIdentifier(table.getNameNode())) {
    const tableRefs = (table.getNameNode() as import('ts-morph').Identifier).findReferencesAsNodes();
    if (tableRefs.some((r) => Node.isElementAccessExpression(r.getParent()) && (r.getParent() as import('ts-morph').ElementAccessExpression).getExpression() === r)) return false;
    if (commonJs && tableRefs.some(exported)) return false;
  }
  return refs.every((r) => r === nameNode || !!registrationArg(r) || exported(r));
}

/**
 * The references findReferencesAsNodes gives for a name declared inside a handler, from the names of its own file
 * compared by symbol (a handler's local is seen only there; the language service took 1.7 of extract-service's 15.7
 * profile-s on juice-shop), or undefined where that could differ: a destructured name or a parameter property (the
 * service adds the property's references), more than one declaration or a use before it (which of them ts-morph
 * leaves out as the definition), the name in a JSDoc comment (`{@link}`, `typeof` in a type), or a use that
 * localReferences leaves to the language service.
 */
function regionLocalReferences(decl: Node, nameNode: import('ts-morph').Identifier, sym: MorphSymbol): Node[] | undefined {
  const simple = Node.isVariableDeclaration(decl) || Node.isFunctionDeclaration(decl) || Node.isClassDeclaration(decl) || (Node.isParameterDeclaration(decl) && !decl.isParameterProperty());
  if (!simple || sym.getDeclarations().length !== 1 || nameNode.getSymbol() !== sym) return undefined;
  const file = nameNode.getSourceFile();
  const name = nameNode.getText();
  const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  if ((file.getFullText().match(/\/\*\*[\s\S]*?\*\//g) ?? []).some((doc) => word.test(doc))) return undefined;
  const refs = localReferences(nameNode, file);
  return refs.every((r) => r.getStart() > nameNode.getStart()) ? refs : undefined;
}

/** Does the checker type the expression as a string, number, boolean, null or undefined (a value, no object)? */
function primitive(n: Node): boolean {
  const type = n.getType();
  return (type.isUnion() ? type.getUnionTypes() : [type]).every((p) => p.isString() || p.isStringLiteral() || p.isNumber() || p.isNumberLiteral() || p.isBoolean() || p.isBooleanLiteral() || p.isNull() || p.isUndefined());
}

/** The write `req` (an identifier) is the target of: `req.url = …`, `req.query.q += …`, `delete req.query.q`. */
function requestWriteAt(req: Node): Node | undefined {
  const outer = req.getParentWhile((p) => Node.isPropertyAccessExpression(p) || Node.isElementAccessExpression(p));
  const parent = outer?.getParent();
  if (!outer || !parent) return undefined;
  if (Node.isDeleteExpression(parent)) return parent;
  return Node.isBinaryExpression(parent) && parent.getLeft() === outer && isAssignment(parent.getOperatorToken().getText()) ? parent : undefined;
}

/**
 * Why a write to the request keeps the logic in the handler. A write that depends on what the logic computes (in a
 * callback or a loop of the logic: json-server's `delete req.query[query]` for each field the data lacks) can be
 * neither a controller prelude (it needs the data) nor in the HTTP-free service; one at the top level after the logic
 * started could be a prelude only if nothing of the logic ran before it.
 */
function requestWriteReason(first: Node, region: Statement[], roles: ReturnType<typeof rolesOf>, site: RouteSite): Unsafe {
  const text = (n: Node) => n.getText().split('\n')[0].slice(0, 60);
  const writes: Node[] = [];
  for (const s of region) {
    for (const d of s.getDescendants()) {
      if (!Node.isIdentifier(d) || roleOf(referenced(d), roles) !== 'request') continue;
      const write = requestWriteAt(d);
      if (write) writes.push(write);
    }
  }
  // (the handler's own loop: the nearest loop-or-handler ancestor is a loop)
  const inLoop = (n: Node) => n.getFirstAncestor((a) => a === site.fn || Node.isIterationStatement(a)) !== site.fn;
  const nested = writes.find((x) => enclosingFunction(x) !== site.fn || inLoop(x));
  if (nested) {
    const call = region.flatMap((s) => s.getDescendantsOfKind(SyntaxKind.CallExpression)).find((c) => c.getStart() < nested.getStart() && !chainRootRole(c, roles));
    const where = enclosingFunction(nested) !== site.fn ? 'in a callback' : 'in a loop';
    return new Unsafe('request-in-logic', `the logic changes the request depending on what it computes (\`${text(nested)}\` ${where}${call ? `, after \`${text(call)}\`` : ''}): neither a controller prelude nor the HTTP-free service can hold it`, nested);
  }
  const top = region.find((s) => s === first || !!first.getFirstAncestor((a) => a === s));
  const before = top && region.indexOf(top) > 0 ? region[0] : undefined;
  if (before) return new Unsafe('request-in-logic', `the logic changes the request (\`${text(first)}\`) after it started (\`${text(before)}\` runs first): only writes before the logic stay in the controller`, first);
  return new Unsafe('request-in-logic', `the logic changes the request (\`${text(first)}\`)`, first);
}

const chainRootRole = (c: CallExpression, roles: ReturnType<typeof rolesOf>) => {
  const root = chainRoot(c.getExpression());
  return Node.isIdentifier(root) && !!roleOf(referenced(root), roles);
};

/** The first write to the request in the statements (`req.url = …`, `delete req.query.q`), if any. */
function requestWrite(region: Statement[], roles: ReturnType<typeof rolesOf>): Node | undefined {
  for (const s of region) {
    for (const d of s.getDescendants()) {
      if (!Node.isIdentifier(d) || roleOf(referenced(d), roles) !== 'request') continue;
      const write = requestWriteAt(d);
      if (write) return write;
    }
  }
  return undefined;
}

/** An enclosing function's binding that is never written after its declaration, as an input of the method. */
function closureInput(n: Node, decl: Node, sym: MorphSymbol): Input | undefined {
  const nameNode = Node.isParameterDeclaration(decl) || Node.isVariableDeclaration(decl) || Node.isFunctionDeclaration(decl) || Node.isBindingElement(decl) ? decl.getNameNode() : undefined;
  if (!nameNode || !Node.isIdentifier(nameNode) || sym.getDeclarations().length !== 1) return undefined;
  if (Node.isVariableDeclaration(decl) && !decl.getInitializer()) return undefined;
  if (Node.isBindingElement(decl) && decl.getFirstAncestorByKind(SyntaxKind.Parameter) === undefined && !decl.getFirstAncestorByKind(SyntaxKind.VariableDeclaration)?.getInitializer()) return undefined;
  for (const ref of nameNode.findReferencesAsNodes()) {
    if (ref === nameNode || !Node.isIdentifier(ref)) continue;
    const p = ref.getParent();
    if (Node.isPostfixUnaryExpression(p) || (Node.isPrefixUnaryExpression(p) && /^(\+\+|--)/.test(p.getText()))) return undefined;
    if (Node.isForInStatement(p) || Node.isForOfStatement(p)) return undefined;
    // `x = …`, and `[x] = …` / `({ x } = …)` destructuring assignments
    for (let c: Node = ref, q = p; q; c = q, q = q.getParent()) {
      if (Node.isBinaryExpression(q)) {
        if (q.getLeft() === c && isAssignment(q.getOperatorToken().getText())) return undefined;
        break;
      }
      if (!(Node.isArrayLiteralExpression(q) || Node.isObjectLiteralExpression(q) || Node.isShorthandPropertyAssignment(q) || Node.isPropertyAssignment(q) || Node.isSpreadElement(q) || Node.isSpreadAssignment(q))) break;
    }
  }
  const name = n.getText();
  return { name, expr: name, typeNode: nameNode, assigned: false, declKind: 'const' };
}

/** Calls that are inner links of a response chain (`res.status(400)` inside `res.status(400).json()`). */
export function isChainLink(c: CallExpression, roles: Roles, framework: RouteSite['framework']): boolean {
  for (let p: Node | undefined = c.getParent(); p; p = p.getParent()) {
    if (Node.isCallExpression(p) && responseChain(p, roles, framework)) return true;
    if (!Node.isPropertyAccessExpression(p) && !Node.isCallExpression(p)) return false;
  }
  return false;
}

export function thisOwner(n: Node): Node | undefined {
  for (let p = n.getParent(); p; p = p.getParent()) {
    if (isFunctionLike(p) && !Node.isArrowFunction(p)) return p;
  }
  return undefined;
}

export function leadingCommentStart(stmt: Statement): number[] {
  const ranges = stmt.getLeadingCommentRanges();
  return [stmt.getStart(), ...ranges.map((r) => r.getPos())];
}

export function topLevelStatement(n: Node): Statement | undefined {
  let cur: Node = n;
  for (;;) {
    const parent = cur.getParent();
    if (!parent) return undefined;
    // (a parameter of a top-level function declaration, a factory's `config = configModule`, is no module-level name)
    if (cur !== n && isFunctionLike(cur)) return undefined;
    if (Node.isSourceFile(parent)) return cur as Statement;
    if (Node.isBlock(parent) || Node.isModuleBlock(parent)) return undefined;
    cur = parent;
  }
}

/**
 * The logic's last statement is a try whose catch answers by itself (not only `next(err)`, which exit-rewrite.ts
 * unwraps): the controller keeps that catch around the service call and the success response. The catch received
 * what the try's statements (and the response inside the try) threw; around the service call it also receives what
 * the logic before the try throws, so that logic must be proven not to throw (callbacks.ts: request reads, plain
 * responses, names, literals, non-throwing operators). Otherwise `response-inside-try` names the statement.
 */
function answeringTailTry(w: Walk, region: Statement[]): import('ts-morph').CatchClause | undefined {
  const last = region[region.length - 1];
  if (region.length < 2 || !Node.isTryStatement(last) || last.getFinallyBlock()) return undefined;
  const clause = last.getCatchClause();
  if (!clause || !last.getTryBlock().getStatements().length || catchForwardsToNext(clause, w.roles)) return undefined;
  if (!last.getTryBlock().getDescendants().some((d) => Node.isCallExpression(d) && !!responseChain(d, w.roles, w.site.framework))) return undefined;
  const risky = handlerStatementsMayThrow(w, region.slice(0, -1), last);
  // (the service may keep the try instead, when every answer of the catch is a domain error or a value it returns:
  // exit-rewrite.ts answerInTry)
  if (risky && catchAnswersMap(w, clause)) return undefined;
  if (risky) {
    throw new Unsafe('response-inside-try', `a response is written inside the tail try whose catch answers by itself, and \`${risky.getText().split('\n')[0].slice(0, 50)}\` before the try may throw: kept around the service call, the catch would answer that too`, risky);
  }
  w.keptTry = last;
  return clause;
}

/** Every answer of the catch has a written status that is a success or one of the domain errors' (ERROR_KINDS). */
function catchAnswersMap(w: Walk, clause: import('ts-morph').CatchClause): boolean {
  return clause.getDescendants().every((d) => {
    const chain = Node.isCallExpression(d) ? responseChain(d, w.roles, w.site.framework) : undefined;
    if (!chain) return true;
    const status = literalStatus(chain);
    const written = chain.methods.some((m) => m === 'status' || m === 'code' || m === 'sendStatus');
    return written ? status !== undefined && (status < 400 || !!ERROR_KINDS[status]) : true;
  });
}

/** Request parts that may be missing: a field read before the try threw outside it, from the controller's try it would reach the catch. */
const MAYBE_MISSING = new Set(['cookies', 'signedCookies', 'user', 'session', 'body']);

/**
 * What the kept catch reads must still exist in the controller: not a name the logic declares (it moves), and the
 * inputs read before the try must not be able to throw inside the controller's try (`req.user.id` without a user).
 */
function keptCatchReads(clause: import('ts-morph').CatchClause, region: Statement[], inputs: Input[], file: import('ts-morph').SourceFile): void {
  const [from, to] = [region[0].getStart(), region[region.length - 1].getEnd()];
  for (const id of clause.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (!isReference(id)) continue;
    const decl = referenced(id)?.getDeclarations()[0];
    if (decl && decl.getSourceFile() === file && decl.getStart() >= from && decl.getEnd() <= to && !(decl.getStart() >= clause.getStart() && decl.getEnd() <= clause.getEnd())) {
      throw new Unsafe('response-inside-try', `the catch of the tail try reads \`${id.getText()}\` of the logic, which moves to the service`, id);
    }
  }
  missingPartsRead(inputs, region[region.length - 1].getStart(), 'the kept catch would answer that');
}

/** Refuses when an input reads a field of a request part that may be missing before `tryStart` (outside the try). */
function missingPartsRead(inputs: Input[], tryStart: number, then: string): void {
  for (const i of inputs) {
    const parts = i.expr.split('.');
    // (`req.user` passed whole, read as `user.name` by the service: the same)
    if (parts.length < 2 || i.typeNode.getStart() >= tryStart) continue;
    // (`body` too: Express 4 leaves it undefined until a body parser ran, and whether one is mounted before this router
    // is not known here)
    if (MAYBE_MISSING.has(parts[1])) {
      throw new Unsafe('response-inside-try', `a field of \`${parts.slice(0, 2).join('.')}\` is read before the tail try, which throws when the request has no ${parts[1]}; read inside the controller's try, ${then}`, i.typeNode);
    }
  }
}

/** The catch clause as written, and the same answering the service's domain errors first. */
function guardedCatch(clause: import('ts-morph').CatchClause, site: RouteSite, semi: string): NonNullable<Extraction['keptCatch']> {
  const text = clause.getText();
  const v = clause.getVariableDeclaration()?.getNameNode();
  if (!v || !Node.isIdentifier(v)) return { text, guarded: text };
  return { text, guarded: guardFirst(clause, clause.getBlock(), domainGuard(site, v.getText(), semi)) };
}

/** `if (sendDomainError(res, err)) return`: answers a domain error the service threw, before the code kept as written. */
function domainGuard(site: RouteSite, errName: string, semi: string): string {
  return `if (${DOMAIN_ERROR_RESPONDER}(${site.fn.getParameters()[1]?.getName() ?? 'res'}, ${errName})) return${semi}`;
}

/** The text of `owner` with `guard` as the first statement of its `block` (on a line of its own when the block has one). */
function guardFirst(owner: Node, block: import('ts-morph').Block, guard: string): string {
  const text = owner.getText();
  const at = (n: number) => n - owner.getStart();
  const first = block.getStatements()[0];
  if (!first) return `${text.slice(0, at(block.getStart()) + 1)} ${guard} ${text.slice(at(block.getStart()) + 1)}`;
  return `${text.slice(0, at(first.getStart()))}${guard}\n${indentAt(owner.getSourceFile().getFullText(), first.getStart())}${text.slice(at(first.getStart()))}`;
}

/**
 * Logic before a promise chain that answers its own failures (`if (!req.body.title) { res.status(400)…; return }`
 * before `Tutorial.create(t).then(…).catch((err) => res.status(500)…)`): the service is not async, so whatever that
 * logic throws still leaves the handler synchronously, as before, and the chain's catch sees only the chain's
 * rejections. Every success must come from the chain (the controller chains on the result), and the answers before
 * the chain, now domain errors thrown synchronously, are answered by a catch around the chain in the controller
 * (true: Extraction.syncErrors).
 */
function chainBeforeLogic(w: Walk, last: Statement): boolean {
  const inChain = (n: Node) => n.getStart() >= last.getStart() && n.getEnd() <= last.getEnd();
  for (const x of w.successes) {
    const at = x.custom?.at ?? x.chain!.outer;
    if (!inChain(at)) throw new Unsafe('response-in-callback', 'the logic answers before the promise chain that answers its own failures: the service would return a value or the chain', at);
  }
  if (w.forwardsToNext) throw new Unsafe('response-in-callback', 'the logic hands errors to next before a promise chain that answers its own failures', last);
  return w.errors.some((e) => !inChain(e.at));
}

/** `xService.method(…).then(…)…` as a statement: a chain rooted in a call of a module-level `new SomethingService()`. */
function serviceChain(stmt: Statement): boolean {
  const e = Node.isExpressionStatement(stmt) ? stmt.getExpression() : Node.isReturnStatement(stmt) ? stmt.getExpression() : undefined;
  if (!e || !Node.isCallExpression(e) || !/\.(then|catch)$/.test(e.getExpression().getText().replace(/\s+/g, ''))) return false;
  let call: Node = e;
  while (Node.isCallExpression(call) && Node.isPropertyAccessExpression(call.getExpression()) && ['then', 'catch'].includes((call.getExpression() as import('ts-morph').PropertyAccessExpression).getName())) {
    call = (call.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression();
  }
  if (!Node.isCallExpression(call) || !Node.isPropertyAccessExpression(call.getExpression())) return false;
  const owner = (call.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression();
  if (!Node.isIdentifier(owner)) return false;
  const decl = owner.getSymbol()?.getDeclarations()[0];
  const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
  return !!init && Node.isNewExpression(init) && /Service$/.test(init.getExpression().getText()) && !!decl && Node.isSourceFile(decl.getParent()?.getParent()?.getParent());
}

/**
 * Whether a second attempt with the statements before the handler's final try kept in the controller applies: the
 * body ends in a try with a catch and no finally, after other statements than request reads.
 */
export function logicBeforeTailTry(site: RouteSite): Statement[] {
  const body = site.fn.getBody();
  if (!body || !Node.isBlock(body)) return [];
  const statements = body.getStatements();
  const last = statements[statements.length - 1];
  if (!last || !Node.isTryStatement(last) || !last.getCatchClause() || last.getFinallyBlock()) return [];
  const roles = rolesOf(site);
  return statements.slice(0, -1).filter((s) => !isRequestRead(s, roles, site.file) && !isConsoleCall(s));
}

/**
 * A value the statements kept before the final try declare and the try's logic uses (index.ts's second attempt)
 * is handed to the service at the call: the same value only when nothing writes the name, before, inside or after
 * the try, nested functions included (the service would change a copy: a catch reading `tx` to roll back, a listener
 * reading an outcome), and, in TypeScript, with the type it has there (`if (!token) return …` narrowed it): when that
 * is narrower than the declared type, the logic's first use of the name, whose type is the input's.
 */
function keptValue(ref: import('ts-morph').Identifier, decl: Node, site: RouteSite, region: Statement[]): import('ts-morph').Identifier | undefined {
  const sym = referenced(ref);
  for (const id of site.fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (id.getText() !== ref.getText() || referenced(id) !== sym || !isWriteTarget(id)) continue;
    throw new Unsafe('kept-value-assigned', `\`${ref.getText()}\`, declared before the final try, which stays in the controller, is assigned (\`${id.getParentOrThrow().getText().split('\n')[0].slice(0, 50)}\`): the service would change a copy of it`, id);
  }
  const nameNode = (decl as { getNameNode?: () => Node }).getNameNode?.();
  if (!/\.[cm]?tsx?$/.test(site.file.getFilePath()) || !nameNode) return undefined;
  // A field of it the checks narrowed (`if (u.tags === undefined) return …`) would lose that in the service too: the
  // first read of each field path in the try has the type the checks left it (as for the name itself, below), to be
  // compared with the field's declared type.
  // (also through `u['tags']`, `(u).tags`, `u!.tags`, and a field of an index signature)
  const checker = site.file.getProject().getTypeChecker().compilerObject;
  const typeText = (t: ts.Type, at: Node) => checker.typeToString(t, at.compilerNode, ts.TypeFormatFlags.NoTruncation);
  const seenPaths = new Set<string>();
  for (const id of region.flatMap((r) => r.getDescendantsOfKind(SyntaxKind.Identifier))) {
    if (id.getText() !== ref.getText() || !isReference(id) || referenced(id) !== sym) continue;
    let cur: Node = id;
    for (;;) {
      const parent = cur.getParent();
      if (isWrapper(parent) && parent.getExpression() === cur) {
        cur = parent;
        continue;
      }
      if (!(Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) || parent.getExpression() !== cur) break;
      const access = parent;
      cur = access;
      if (seenPaths.has(access.getText().replace(/\s+/g, '')) || isWriteTarget(access)) continue;
      seenPaths.add(access.getText().replace(/\s+/g, ''));
      const field = Node.isPropertyAccessExpression(access) ? access.getNameNode().getSymbol() : access.getArgumentExpression()?.getSymbol();
      let declaredField: string | undefined;
      if (field && (Node.isPropertyAccessExpression(access) || field.getDeclarations().some((d) => Node.isPropertySignature(d) || Node.isPropertyDeclaration(d) || Node.isPropertyAssignment(d)))) declaredField = typeText(checker.getTypeOfSymbol(field.compilerSymbol), access);
      else {
        const objType = access.getExpression().getType();
        const index = objType.getStringIndexType() ?? objType.getNumberIndexType();
        if (index) declaredField = typeText(index.compilerType, access);
      }
      if (declaredField === undefined) continue;
      const atUse = typeText(access.getType().compilerType, access);
      if (declaredField !== atUse) throw new Unsafe('narrowed-before-try', `\`${access.getText().slice(0, 40)}\` is \`${atUse.slice(0, 40)}\` in the try, after the checks before it, but declared \`${declaredField.slice(0, 40)}\`: the service would not know what the checks proved`, access);
    }
  }
  const declared = nameNode.getType().getText(nameNode);
  const first = region.flatMap((r) => r.getDescendantsOfKind(SyntaxKind.Identifier)).find((id) => id.getText() === ref.getText() && isReference(id) && referenced(id) === sym) ?? ref;
  const here = first.getType().getText(first);
  if (declared === here) return undefined;
  // Only a use of the name narrows it (a condition on it, an assertion call with it, a destructuring of it), so its
  // first use in the try, in the handler's own code, sees what the checks before the try proved and nothing more:
  // the type it has at the service call, which takes the try's place. In a nested function the checker may widen it
  // back (a `let`, a parameter).
  if (enclosingFunction(first) !== site.fn || first.getFirstAncestorByKind(SyntaxKind.TypeQuery)) throw new Unsafe('narrowed-before-try', `\`${ref.getText()}\` is \`${here.slice(0, 40)}\` in the try, after the checks before it, but declared \`${declared.slice(0, 40)}\`, and first used in a nested function or a type: the service would not know what the checks proved`, first);
  // Another name narrows it too (a destructured discriminant, `const isN = ev.kind === 'n'`), so that first use must
  // run on every path of the try, outside any branch or condition: there its type is what the checks before proved.
  if (first.getAncestors().some((a) => (Node.isIfStatement(a) || Node.isConditionalExpression(a) || Node.isSwitchStatement(a) || Node.isCaseClause(a) || Node.isCatchClause(a) || Node.isForStatement(a) || Node.isForOfStatement(a) || Node.isForInStatement(a) || Node.isWhileStatement(a) || Node.isDoStatement(a) || (Node.isBinaryExpression(a) && ['&&', '||', '??'].includes(a.getOperatorToken().getText()))) && region.some((r) => r === a || !!a.getFirstAncestor((x) => x === r)))) {
    throw new Unsafe('narrowed-before-try', `\`${ref.getText()}\` is \`${here.slice(0, 40)}\` in the try, after the checks before it, but declared \`${declared.slice(0, 40)}\`, and first used under a condition, where other names may narrow it: the service would not know what the checks proved`, first);
  }
  // Nor may the try leave early before it on a condition about another value the statements before the try keep, or
  // an alias of one (`if (!isN) return …` with `const isN = ev.kind === 'n'` kept), nor call something with such a
  // value (an assertion function): those narrow it as well.
  const siteRoles = rolesOf(site);
  const roleSyms = new Set([siteRoles.request, siteRoles.response, siteRoles.next, ...(siteRoles.requestParts?.keys() ?? [])].filter(Boolean));
  const seenDecls = new Set<Node>();
  const tainted = (n: Node): boolean =>
    [n, ...n.getDescendants()].some((d) => {
      if (!Node.isIdentifier(d) || !isReference(d)) return false;
      const dsym = referenced(d);
      if (!dsym || roleSyms.has(dsym)) return false;
      const dd = dsym.getDeclarations()[0];
      if (!dd || dd.getSourceFile() !== site.file || !dd.getFirstAncestor((a) => a === site.fn)) return false;
      const inRegion = region.some((r) => r === dd || !!dd.getFirstAncestor((a) => a === r));
      if (!inRegion) return true; // a value the statements before the try keep
      if (seenDecls.has(dd)) return false;
      seenDecls.add(dd);
      const init = Node.isVariableDeclaration(dd) ? dd.getInitializer() : Node.isBindingElement(dd) ? dd.getFirstAncestorByKind(SyntaxKind.VariableDeclaration)?.getInitializer() : undefined;
      return !!init && tainted(init);
    });
  for (const r of region) {
    for (const d of [r, ...r.getDescendants()]) {
      if (d.getEnd() > first.getStart() || enclosingFunction(d) !== site.fn) continue;
      const exit = Node.isReturnStatement(d) || Node.isThrowStatement(d) || Node.isBreakStatement(d) || Node.isContinueStatement(d);
      const call = Node.isCallExpression(d) && d.getArguments().some((a) => tainted(a));
      if (!exit && !call) continue;
      const guards = exit ? d.getAncestors().filter((a) => region.some((x) => x === a || !!a.getFirstAncestor((y) => y === x))).map((a) => (Node.isIfStatement(a) || Node.isWhileStatement(a) || Node.isDoStatement(a) ? a.getExpression() : Node.isConditionalExpression(a) ? a.getCondition() : Node.isSwitchStatement(a) ? a.getExpression() : Node.isForStatement(a) ? a.getCondition() : undefined)).filter((g): g is import('ts-morph').Expression => !!g) : [];
      if (call || guards.some((g) => tainted(g))) {
        throw new Unsafe('narrowed-before-try', `\`${ref.getText()}\` is \`${here.slice(0, 40)}\` in the try, after the checks before it, but declared \`${declared.slice(0, 40)}\`, and the try may leave or assert before its first use on a value kept before it (\`${d.getText().split('\n')[0].slice(0, 40)}\`), which may narrow it too: the service would not know what the checks proved`, d);
      }
    }
  }
  return first;
}

/** Global classes whose `instanceof` runs no code of the app. */
const BUILT_IN_CLASSES = new Set(['Array', 'Object', 'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'Buffer', 'Uint8Array', 'ArrayBuffer', 'Function', 'String', 'Number', 'Boolean']);

/** `part?.field`: reads nothing when the part is missing, so it does not tell the part was there. */
function optionalRead(part: Node): boolean {
  const p = part.getParent();
  return (Node.isPropertyAccessExpression(p) || Node.isElementAccessExpression(p)) && p.hasQuestionDotToken();
}

/**
 * Whether `a` and `b` are on different branches of one if statement or `?:` (not inside a loop of `fn`), so that one
 * never runs before the other in the same call.
 */
function exclusiveBranches(a: Node, b: Node, fn: Node): boolean {
  const aSide = new Map<Node, Node>();
  for (let c: Node = a, p = a.getParent(); p && c !== fn; c = p, p = p.getParent()) aSide.set(p, c);
  for (let c: Node = b, p = b.getParent(); p && c !== fn; c = p, p = p.getParent()) {
    const other = aSide.get(p);
    if (!other) continue;
    if (loopAround(p, fn)) return false;
    if (Node.isIfStatement(p)) return (other === p.getThenStatement() && c === p.getElseStatement()) || (other === p.getElseStatement() && c === p.getThenStatement());
    if (Node.isConditionalExpression(p)) return (other === p.getWhenTrue() && c === p.getWhenFalse()) || (other === p.getWhenFalse() && c === p.getWhenTrue());
    return false;
  }
  return false;
}

/** Whether `n` is conditional only through if statements and `?:`, `&&`, `||` (not a loop, catch, case or function). */
function branchOnly(n: Node, fn: Node): boolean {
  for (let p = n.getParent(); p && p !== fn; p = p.getParent()) {
    if (Node.isIterationStatement(p) || Node.isCaseClause(p) || Node.isDefaultClause(p) || Node.isCatchClause(p) || Node.isFunctionLikeDeclaration(p)) return false;
  }
  return true;
}

/**
 * An async handler whose logic ends in a try that hands its errors to next, the logic before it proven not to throw
 * (request reads, plain answers, `next(new Error('…'))` with a plain message): nothing outside that try can throw, so
 * a controller handing every error of the service to next forwards exactly what went to next before. Reads of request
 * parts that may be missing must then stay inside the try (missingPartsRead checks that, as for a kept catch).
 */
function forwardingTailTryAlone(w: Walk, region: Statement[]): boolean {
  const last = region[region.length - 1];
  if (!last || !Node.isTryStatement(last) || last.getFinallyBlock() || !catchForwardsToNext(last.getCatchClause(), w.roles)) return false;
  if (handlerStatementsMayThrow(w, region.slice(0, -1), last, true)) return false;
  w.inputsBefore = last.getStart();
  return true;
}

/** The handler calls `next` and nowhere mentions the response (not in callbacks, not as `req.res`): it can only hand on. */
function handsOnWithoutResponse(site: RouteSite, roles: Roles): boolean {
  if (!roles.next) return false;
  let callsNext = false;
  for (const d of site.fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (!isReference(d) || Node.isParameterDeclaration(d.getParent())) continue;
    const role = roleOf(referenced(d), roles);
    if (role === 'response' || role === 'context') return false;
    // (`req.res` is the response too, and so is what reaches it: `req['res']`, `const { res } = req`, `helper(req)`)
    const parent = d.getParent();
    if (role === 'request' && referenced(d) === roles.request && !(Node.isPropertyAccessExpression(parent) && parent.getExpression() === d && parent.getName() !== 'res')) return false;
    if (d.getText() === 'arguments') return false;
    if (role === 'next' && Node.isCallExpression(d.getParent()) && (d.getParent() as CallExpression).getExpression() === d) callsNext = true;
  }
  return callsNext;
}

/** Built-ins whose result holds their arguments or their fields. */
const ALIASING_CALLS = new Set(['Object.assign', 'Object.create', 'Object.entries', 'Object.values', 'Object.fromEntries', 'Array.of', 'Array.from', 'Promise.resolve', 'Reflect.get', 'Reflect.apply', 'Object.freeze', 'Object.seal', 'Proxy', 'WeakRef']);

/** Methods that keep their argument in the object they are called on (or return it in another): `[].concat(req)`. */
const STORING_METHODS = new Set(['concat', 'push', 'unshift', 'splice', 'fill', 'set', 'add', 'with', 'toSpliced', 'bind', 'call', 'apply']);

/** Whether the project function `callee` names may return its parameter at `index` as it is (`return x`, `(x) => x`). */
function returnsParameter(callee: Node, index: number): boolean {
  const decl = callee.getSymbol()?.getDeclarations()[0];
  if (!decl || decl.getSourceFile().isDeclarationFile() || decl.getSourceFile().isInNodeModules()) return false;
  const fn = Node.isVariableDeclaration(decl) ? decl.getInitializer() : decl;
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn) || Node.isMethodDeclaration(fn))) return false;
  const param = fn.getParameters()[index];
  if (!param) return false;
  const isParam = (e: Node | undefined) => !!e && Node.isIdentifier(unwrap(e)) && unwrap(e).getSymbol() === param.getSymbol();
  const body = fn.getBody();
  if (body && !Node.isBlock(body)) return isParam(body) || body.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getSymbol() === param.getSymbol());
  return fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).some((r) => {
    const e = r.getExpression();
    // (a returned value that mentions the parameter may hold it: `return { req: x }`, `return [x]`)
    return !!e && (isParam(e) || e.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getSymbol() === param.getSymbol() && !(Node.isPropertyAccessExpression(i.getParent()) && (i.getParent() as import('ts-morph').PropertyAccessExpression).getExpression() === i)));
  });
}

/**
 * A reference to the request that hands on one of its parts whole under another name: `const { body } = req` and
 * `const { body: b } = req` (not `{ body: { title } }`, which copies values), `req['body']`. The part as `req.body`.
 * None for a use of a member (`req.get(…)`, `req.session`) or a local holding the request (`const r = req`, refused
 * where the logic uses it); undefined for any other use, which hands on the request itself.
 */
function aliasedParts(req: import('ts-morph').Identifier): { part: string; at: Node }[] | undefined {
  let held: Node = req;
  while (isWrapper(held.getParent())) held = held.getParentOrThrow();
  const parent = held.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === held) return [];
  // (a function handed the request, `validationResult(req)`, `check(…).run(req)`, `audit(req)`: what it returns is its
  // own, unlike the built-ins that return their arguments or copy them, `Object.assign({}, req).body`)
  if ((Node.isCallExpression(parent) || Node.isNewExpression(parent)) && parent.getArguments().includes(held)) {
    const callee = parent.getExpression();
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
    // (a function of the project that returns the argument, `function same(x) { return x }`, a method storing it)
    if (ALIASING_CALLS.has(callee.getText().replace(/\s+/g, '')) || (method && STORING_METHODS.has(method)) || returnsParameter(callee, parent.getArguments().indexOf(held))) return undefined;
    return [];
  }
  if (Node.isElementAccessExpression(parent) && parent.getExpression() === held) {
    const arg = parent.getArgumentExpression();
    if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) return [{ part: `${req.getText()}.${arg.getLiteralText()}`, at: parent }];
    return undefined;
  }
  const found: { part: string; at: Node }[] = [];
  if (Node.isVariableDeclaration(parent) && parent.getInitializer() === held) {
    const pattern = parent.getNameNode();
    if (Node.isIdentifier(pattern)) return [];
    if (!Node.isObjectBindingPattern(pattern)) return undefined;
    for (const el of pattern.getElements()) {
      if (el.getDotDotDotToken()) return undefined;
      const name = el.getNameNode();
      // (a nested pattern copies the part's fields, unless it keeps the rest of them)
      if (Node.isObjectBindingPattern(name) && !name.getElements().some((x) => x.getDotDotDotToken())) continue;
      const prop = el.getPropertyNameNode();
      const computed = prop && Node.isComputedPropertyName(prop) ? prop.getExpression() : undefined;
      const key = !prop ? el.getName() : Node.isIdentifier(prop) ? prop.getText() : Node.isStringLiteral(prop) ? prop.getLiteralText() : computed && (Node.isStringLiteral(computed) || Node.isNoSubstitutionTemplateLiteral(computed)) ? computed.getLiteralText() : undefined;
      if (key === undefined) return undefined;
      found.push({ part: `${req.getText()}.${key}`, at: el });
    }
    return found;
  }
  return undefined;
}


/**
 * One success answer whose status or headers take values the logic computes (`res.cookie('token', token)
 * .location('/users/' + user.id).status(201).json(user)`, or `res.location(url)` on a line of its own before it): the
 * service returns the values the answer names (`return { token, user }` where the answer was; one value as itself)
 * and the controller keeps the answer as written around them (`const { token, user } = await …`), its body too. The
 * answer ran last on its path, so its arguments are evaluated at the same point, after the same logic, in the same
 * order, inside the same try. Only a plain Express chain as a statement or a return, and no file answer (its arguments
 * name what is read from disk). The controller's declaration (a name or a destructuring pattern), or undefined.
 */
function logicValuesAnswer(w: Walk, exit: SuccessExit, declared: Set<MorphSymbol>, orNone = false): string | undefined {
  // (a custom form here is an Express answer with the flash or header statements before it: kept with it as written)
  if (w.successes.length !== 1 || !exit.chain || w.site.framework !== 'express') return undefined;
  if (exit.chain.methods.some((m) => m === 'sendFile' || m === 'download')) return undefined;
  const outer = exit.chain.outer;
  const stmt = outer.getParent();
  if (!stmt || !(Node.isExpressionStatement(stmt) || Node.isReturnStatement(stmt))) return undefined;
  const parts = [...(exit.custom?.args ?? chainCalls(exit.chain).flatMap((c) => c.call.getArguments())), ...(exit.body ? [exit.body] : [])];
  const inside = (d: Node) => parts.some((p) => d.getStart() >= p.getStart() && d.getEnd() <= p.getEnd());
  const names: string[] = [];
  const symbols: MorphSymbol[] = [];
  for (const p of parts) {
    for (const id of [p, ...p.getDescendants()]) {
      if (!Node.isIdentifier(id) || !isReference(id)) continue;
      const sym = referenced(id);
      // (a name the answer declares itself, `items.map((i) => i.id)`, is no value of the logic)
      if (!sym || !declared.has(sym) || sym.getDeclarations().some(inside)) continue;
      if (!names.includes(id.getText())) names.push(id.getText());
      if (!symbols.includes(sym)) symbols.push(sym);
    }
  }
  // The controller gets copies of the values: a binding that can change (`let n`, a parameter) may be changed by the
  // answer itself (`bump()` of a closure over `n`, `++seq`), in the service's scope, where the copy no longer follows.
  const constant = (sym: MorphSymbol) => sym.getDeclarations().every((d) => Node.isVariableDeclaration(d) && d.getVariableStatement()?.getDeclarationKind() === 'const');
  if (parts.some(hasEffects) && !symbols.every(constant)) return undefined;
  if (!typesCarryOver(exit, parts, symbols)) return undefined;
  if (!names.length && !orNone) return undefined;
  const value = names.length === 1 ? names[0] : names.length ? `{ ${names.join(', ')} }` : '';
  // the walk made the answer `return <body>` (or dropped it): it returns the values instead (or nothing)
  w.edits.dropWithin(stmt.getStart(), stmt.getEnd());
  if (Node.isReturnStatement(stmt)) w.edits.replace(value ? outer.getStart() : stmt.getStart() + 'return'.length, outer.getEnd(), value);
  else w.edits.replace(stmt.getStart(), outer.getEnd(), value ? `return ${value}` : 'return');
  return value;
}

/**
 * In TypeScript, whether the values keep the types the answer used them with once they come back from the service:
 * a property the logic narrowed (`if (!user.role) return …` then `label(user.role)`) is declared wider, and a literal
 * type (`const kind = admin ? 'admin' : 'user'`) widens to `string` in the returned object.
 */
function typesCarryOver(exit: SuccessExit, parts: Node[], symbols: MorphSymbol[]): boolean {
  if (!/\.[cm]?tsx?$/.test(exit.chain!.outer.getSourceFile().getFilePath())) return true;
  for (const sym of symbols) {
    const decl = sym.getValueDeclaration();
    if (!decl) return false;
    const t = decl.getType();
    if (t.isLiteral() || t.isBooleanLiteral() || (t.isUnion() && t.getUnionTypes().some((u) => u.isLiteral() || u.isBooleanLiteral()) && !t.isBoolean())) return false;
  }
  for (const p of parts) {
    for (const d of [p, ...p.getDescendants()]) {
      // (a name keeps its narrowing: the service returns it where it was narrowed; a property's is the reader's own)
      if (!Node.isPropertyAccessExpression(d) || !symbols.includes(chainRootSymbol(d)!)) continue;
      const sym = d.getNameNode().getSymbol();
      const decl = sym?.getValueDeclaration();
      if (!sym || !decl) continue;
      // (narrowed where the answer reads it: its type there is not the declared one)
      if (d.getType().getText() !== sym.getTypeAtLocation(decl).getText()) return false;
    }
  }
  return true;
}

function chainRootSymbol(n: Node): MorphSymbol | undefined {
  const root = chainRoot(n);
  return Node.isIdentifier(root) ? referenced(root) : undefined;
}

/** Calls of the language's conversions and arithmetic, which neither throw on plain values nor change anything. */
const INERT_CALLS = /^(Number|String|Boolean|parseInt|parseFloat|isNaN|isFinite|Math\.\w+|Date\.now|Array\.isArray)$/;

/** Whether evaluating the expression may do something: a call, `new`, `await`, an assignment, `++`, `delete`. */
function hasEffects(n: Node): boolean {
  return [n, ...n.getDescendants()].some(
    (d) =>
      (Node.isCallExpression(d) && !INERT_CALLS.test(d.getExpression().getText())) || Node.isNewExpression(d) || Node.isAwaitExpression(d) || Node.isTaggedTemplateExpression(d) || Node.isYieldExpression(d) || Node.isDeleteExpression(d) ||
      (Node.isBinaryExpression(d) && isAssignment(d.getOperatorToken().getText())) || Node.isPostfixUnaryExpression(d) || (Node.isPrefixUnaryExpression(d) && /^(\+\+|--)/.test(d.getText())),
  );
}

/**
 * An argument of the answer whose value cannot depend on when it is evaluated: literals, `const` names, request reads
 * (the logic cannot write to the request: refused before), and templates, `+` and `String(…)` of those.
 */
function stableArgument(n: Node, roles: Roles): boolean {
  if (Node.isStringLiteral(n) || Node.isNumericLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) || Node.isTrueLiteral(n) || Node.isFalseLiteral(n) || Node.isNullLiteral(n)) return true;
  if (Node.isParenthesizedExpression(n)) return stableArgument(n.getExpression(), roles);
  if (Node.isTemplateExpression(n)) return n.getTemplateSpans().every((span) => stableArgument(span.getExpression(), roles));
  if (Node.isBinaryExpression(n)) return ['+', '-', '*', '/', '%'].includes(n.getOperatorToken().getText()) && stableArgument(n.getLeft(), roles) && stableArgument(n.getRight(), roles);
  if (Node.isPrefixUnaryExpression(n)) return !/^(\+\+|--)/.test(n.getText()) && stableArgument(n.getOperand(), roles);
  if (Node.isCallExpression(n)) return /^(String|Number)$/.test(n.getExpression().getText()) && n.getArguments().length === 1 && stableArgument(n.getArguments()[0], roles);
  if (Node.isObjectLiteralExpression(n)) return n.getProperties().every((p) => (Node.isPropertyAssignment(p) && !Node.isComputedPropertyName(p.getNameNode()) && stableArgument(p.getInitializerOrThrow(), roles)) || (Node.isShorthandPropertyAssignment(p) && stableArgument(p.getNameNode(), roles)));
  if (Node.isArrayLiteralExpression(n)) return n.getElements().every((e) => stableArgument(e, roles));
  if (Node.isIdentifier(n)) {
    if (n.getText() === 'undefined') return true;
    // (a `const` holding a primitive: an object's contents could change)
    const decl = referenced(n)?.getDeclarations()[0];
    const t = n.getType();
    return !!decl && Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === 'const' && (t.isString() || t.isNumber() || t.isBoolean() || t.isLiteral());
  }
  if (Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n)) {
    const root = chainRoot(n);
    const argument = Node.isElementAccessExpression(n) ? n.getArgumentExpression() : undefined;
    return Node.isIdentifier(root) && roleOf(referenced(root), roles) === 'request' && !n.getDescendants().some((d) => Node.isCallExpression(d)) && (!argument || stableArgument(argument, roles));
  }
  return false;
}
