import type { Binding, NodePath, Scope } from '@babel/traverse';
import type * as t from '@babel/types';
import { walk, type Traverse } from '../../src/ast.js';
import type { FileTransformContext } from '../../src/types.js';
import type { Options } from './index.js';
import { errorBranchText, firstToken, lastToken, reindentRange } from './text.js';
import { blanksAt, eolOf, indentAt, indentUnit, lineStart } from '../../src/text/lines.js';
import { API, type ApiSpec, NO_PROMISE_FORM, type Target, classify } from './apis.js';
import { exits, expressHandler, hasReturnValue, isErrTest, isFunctionNode, isIdent, isNextForward, isPassedOn, mayBeFd, mentionedOutside } from './syntax.js';
import { type InertContext, cannotThrowStatement, inert, stringish } from './inert.js';

// ---------------------------------------------------------------------------------------------------------------
// The transform

interface Conversion {
  stmt: t.ExpressionStatement;
  callback: t.FunctionExpression | t.ArrowFunctionExpression;
  ifStmt: t.IfStatement;
  /** The enclosing function (after enclosing conversions are applied) and whether it is an Express handler. */
  fn: t.Function;
  express?: ExpressHandler;
  /** The statements moved after the try, and the range of text they occupy (from the first token). */
  success?: { start: number; end: number };
  /** Extra indentation of the success statements over the call's statement. */
  unit: string;
  /** Indentation removed from this statement's lines by enclosing conversions (characters). */
  outerDedent: number;
  /** The whole text that replaces [stmt.start, success.start) or the whole statement. */
  header?: string;
  errorStmts: t.Statement[];
  errorExits: boolean;
  elseForm: boolean;
}

export interface ExpressHandler {
  req?: Binding;
  res?: Binding;
  next?: Binding;
  async: boolean;
}

export const EXPRESS_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head']);

export const PATH_FNS = new Set(['join', 'resolve', 'basename', 'extname', 'dirname', 'normalize']);

export const REQ_SAFE = new Set(['params', 'query', 'path', 'url', 'originalUrl', 'method', 'headers', 'baseUrl', 'hostname', 'ip', 'protocol']);

export const REQ_SAFE_DEEP = new Set(['params', 'query', 'headers']);

export function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  const source = ctx.source;
  const ast = ctx.parse();
  const isTs = ctx.parser === 'ts' || ctx.parser === 'tsx';
  const importsExpress = /\brequire\s*\(\s*['"]express['"]\s*\)|\bfrom\s*['"]express['"]|\bimport\s*\(\s*['"]express['"]\s*\)/.test(source);
  const isCommonJs = ast.program.sourceType !== 'module' || /\brequire\s*\(/.test(source);
  const eol = eolOf(source);
  const fileUnit = indentUnit(source);

  // Ranges of string-like literals whose lines must not be re-indented.
  const literalRanges: Array<[number, number]> = [];
  walk(ast, (node) => {
    if ((node.type === 'TemplateLiteral' || node.type === 'StringLiteral' || node.type === 'JSXText') && source.slice(node.start!, node.end!).includes('\n')) {
      literalRanges.push([node.start!, node.end!]);
    }
  });
  const inLiteral = (pos: number) => literalRanges.some(([a, b]) => pos > a && pos < b);

  const resolveTarget = (node: t.Node, scope: Scope): Target | undefined => {
    if (node.type === 'Identifier') {
      const binding = scope.getBinding(node.name);
      if (!binding) return undefined;
      const b = classify(binding, resolveTarget);
      if (b?.kind === 'named') return { kind: 'module', module: b.module, name: b.name };
      if (b) return undefined;
      if (!binding.constant) return undefined;
      if (binding.kind === 'hoisted' || (binding.kind === 'const' && binding.path.isVariableDeclarator() && isFunctionNode(binding.path.node.init))) {
        return { kind: 'local', binding };
      }
      return undefined;
    }
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.object.type === 'Identifier') {
      const b = classify(scope.getBinding(node.object.name), resolveTarget);
      if (b?.kind === 'ns' && !b.promises) return { kind: 'module', module: b.module, name: node.property.name };
    }
    return undefined;
  };

  const conversions = new Map<t.Node, Conversion>(); // by callback node
  const calls: NodePath<t.CallExpression>[] = [];
  traverse(ast, {
    CallExpression(path: NodePath<t.CallExpression>) {
      calls.push(path);
    },
  });

  /** Every binding visible at `scope` (innermost first), for finding fs/promises, util and wrapper bindings. */
  const visible = (scope: Scope): Array<{ name: string; binding: Binding }> => {
    const out: Array<{ name: string; binding: Binding }> = [];
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      for (const [name, binding] of Object.entries(s.bindings)) {
        if (scope.getBinding(name) === binding) out.push({ name, binding });
      }
    }
    return out;
  };

  const sameTarget = (a: Target, b: Target) =>
    a.kind === 'module' && b.kind === 'module' ? a.module === b.module && a.name === b.name : a.kind === 'local' && b.kind === 'local' && a.binding === b.binding;

  for (const callPath of calls) {
    const call = callPath.node;
    const args = call.arguments;
    if (args.length === 0) continue;
    const cb = args[args.length - 1];
    if (cb.type !== 'FunctionExpression' && cb.type !== 'ArrowFunctionExpression') continue;
    const target = resolveTarget(call.callee, callPath.scope);
    if (!target) continue;

    const report = (message: string, reason: string) => ctx.report(message, call, reason);
    const calleeText = source.slice(call.callee.start!, call.callee.end!);

    // 1. The promise form.
    let spec: ApiSpec | undefined;
    let wrapperName: string | undefined;
    for (const { name, binding } of visible(callPath.scope)) {
      const b = classify(binding, resolveTarget);
      if (b?.kind === 'wrapper' && sameTarget(b.target, target) && binding.path.node.start! < call.start!) {
        wrapperName = name;
        break;
      }
    }
    if (target.kind === 'module') {
      spec = API[target.module]?.[target.name];
      if (!spec) {
        if (API[target.module]) {
          const why = NO_PROMISE_FORM[target.name] ?? 'no promise form with the same arguments and results';
          report(`${calleeText}(…) left alone: ${why}`, 'no-promise-form');
        }
        continue;
      }
    } else {
      if (!wrapperName) continue; // an ordinary function of the file: not a known callback API
      spec = { via: 'promisify', results: ['*'], resultsOnError: true };
    }
    const stmtPath = callPath.parentPath;
    if (!stmtPath?.isExpressionStatement()) {
      report(`${calleeText}(…) left alone: its return value is used`, 'result-used');
      continue;
    }
    let promiseCallee: string | undefined;
    if (wrapperName) promiseCallee = wrapperName;
    else if (target.kind === 'module' && spec.via === 'promises') {
      let ns: string | undefined;
      let promisesNs: string | undefined;
      for (const { name, binding } of visible(callPath.scope)) {
        const b = classify(binding, resolveTarget);
        if (b?.kind !== 'ns' || b.module !== target.module) continue;
        if (b.promises) promisesNs ??= name;
        else ns ??= name;
      }
      if (promisesNs) promiseCallee = `${promisesNs}.${target.name}`;
      else if (ns) promiseCallee = `${ns}.promises.${target.name}`;
      else {
        report(`${calleeText}(…) left alone: no binding of ${target.module} or ${target.module}/promises in the file to reach the promise form through`, 'no-module-binding');
        continue;
      }
    } else {
      let helper: string | undefined;
      for (const { name, binding } of visible(callPath.scope)) {
        const b = classify(binding, resolveTarget);
        if (b?.kind === 'named' && b.module === 'util' && b.name === 'promisify') helper ??= name;
        else if (b?.kind === 'ns' && b.module === 'util') helper ??= `${name}.promisify`;
      }
      if (!helper) {
        report(`${calleeText}(…) left alone: its promise form is util.promisify(${calleeText}), and the file has no util or promisify binding`, 'no-promisify');
        continue;
      }
      promiseCallee = `${helper}(${calleeText})`;
    }

    // 2. Where the call stands.
    const stmt = stmtPath.node;
    if (spec.argCount !== undefined && args.length - 1 !== spec.argCount) {
      report(`${calleeText}(…) left alone: with an options argument its promise form may resolve to a different shape`, 'unexpected-params');
      continue;
    }
    const position = chain(stmtPath, conversions);
    if (typeof position === 'string') {
      // Say first what matters most: no function that could become async at all.
      const nearest = callPath.getFunctionParent();
      if (!nearest) {
        report(`${calleeText}(…) left alone: at the top level of the file (a top-level await would hold up every importer)`, 'top-level');
        continue;
      }
      if (!nearest.node.async && !conversions.has(nearest.node) && !expressHandler(nearest as NodePath<t.Function>, importsExpress || ctx.options.assumeExpress)) {
        report(`${calleeText}(…) left alone: the enclosing function is neither async nor an Express handler; making it async would change what its callers get`, 'caller-not-async');
        continue;
      }
      const why: Record<typeof position, string> = {
        'code-after-call': 'code after the call ran before the callback and would run after it',
        'unsupported-position': 'it is not directly in the function body or in if/else blocks (a loop, try, switch or braceless if)',
        'top-level': 'at the top level of the file',
      };
      report(`${calleeText}(…) left alone: ${why[position]}`, position);
      continue;
    }
    const outer = position.outer;
    const fnPath = position.fn;
    let express: ExpressHandler | undefined;
    if (outer) express = outer.express;
    else {
      express = expressHandler(fnPath, importsExpress || ctx.options.assumeExpress);
      if (!fnPath.node.async && !express) {
        report(`${calleeText}(…) left alone: the enclosing function is neither async nor an Express handler; making it async would change what its callers get`, 'caller-not-async');
        continue;
      }
      if (fnPath.node.generator) {
        report(`${calleeText}(…) left alone: the enclosing function is a generator`, 'caller-not-async');
        continue;
      }
    }
    const alreadyAsync = outer ? true : fnPath.node.async;
    if (target.kind === 'local' && !alreadyAsync) {
      // Node's own APIs always call back later; a function of the file may call back synchronously, and a throw
      // in such a callback went to Express through the handler, where an async handler would leave it unhandled.
      report(`${calleeText}(…) left alone: a function of the file may call back synchronously, so making the handler async could change where a throw goes`, 'maybe-sync-callback');
      continue;
    }

    // 3. The callback's shape.
    const cbPath = callPath.get(`arguments.${args.length - 1}`) as NodePath<t.FunctionExpression | t.ArrowFunctionExpression>;
    if (cb.async || (cb as t.FunctionExpression).generator || cb.body.type !== 'BlockStatement') {
      report(`${calleeText}(…) left alone: the callback is async, a generator or has an expression body`, 'unsupported-shape');
      continue;
    }
    if (cb.params.length === 0) {
      report(`${calleeText}(…) left alone: the callback takes no error parameter, so errors are ignored`, 'no-error-check');
      continue;
    }
    if (!cb.params.every((p) => p.type === 'Identifier' && !p.optional)) {
      report(`${calleeText}(…) left alone: the callback's parameters are patterns or have defaults`, 'unsupported-shape');
      continue;
    }
    const params = cb.params as t.Identifier[];
    const errName = params[0].name;
    const results = params.slice(1);
    const maxResults = spec.results.length;
    if (results.length > maxResults) {
      report(`${calleeText}(…) left alone: the callback declares ${results.length} results, the promise gives ${maxResults}`, 'unexpected-params');
      continue;
    }
    const body = cb.body.body;
    const first = body[0];
    if (!first || first.type !== 'IfStatement' || !isErrTest(first.test, errName)) {
      report(`${calleeText}(…) left alone: the callback does not start with \`if (${errName})\``, 'no-error-check');
      continue;
    }
    const ifStmt = first;
    const elseForm = Boolean(ifStmt.alternate);
    if (elseForm && (ifStmt.alternate!.type !== 'BlockStatement' || body.length > 1)) {
      report(`${calleeText}(…) left alone: an else that is not a block, or code after the if/else`, 'unsupported-shape');
      continue;
    }
    const errorStmts = ifStmt.consequent.type === 'BlockStatement' ? ifStmt.consequent.body : [ifStmt.consequent];
    // The text of the error branch: inside the braces, or the statement with a comment ending its line.
    let errStart: number;
    let errEnd: number;
    if (ifStmt.consequent.type === 'BlockStatement') {
      errStart = firstToken(source, ifStmt.consequent.start! + 1);
      errEnd = Math.max(errStart, lastToken(source, ifStmt.consequent.end! - 1));
    } else {
      errStart = ifStmt.consequent.start!;
      errEnd = ifStmt.consequent.end!;
      const rest = /^[ \t]*(\/\/[^\r\n]*|\/\*[^\n]*?\*\/)/.exec(source.slice(errEnd));
      if (rest && !elseForm) errEnd += rest[0].length;
    }
    const successStmts = elseForm ? (ifStmt.alternate as t.BlockStatement).body : body.slice(1);
    const errorExits = errorStmts.length > 0 && exits(errorStmts[errorStmts.length - 1]);
    if (isTs && !errorExits && results.length && successStmts.length) {
      report(`${calleeText}(…) left alone: after a catch that falls through, TypeScript would type the result as possibly undefined`, 'unsupported-shape');
      continue;
    }
    if (spec.resultsOnError && !errorExits) {
      report(`${calleeText}(…) left alone: the error branch falls through, and the callback may get results even on error`, 'results-on-error');
      continue;
    }

    // this/arguments of a function callback; the callback naming itself.
    if (cb.type === 'FunctionExpression') {
      let usesThis = false;
      walk(cb.body, (node) => {
        if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ObjectMethod' || node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') return false;
        if (node.type === 'ThisExpression' || node.type === 'Super' || (node.type === 'MetaProperty' && node.meta.name === 'new')) usesThis = true;
        if (node.type === 'Identifier' && node.name === 'arguments') usesThis = true;
        return undefined;
      });
      if (usesThis) {
        report(`${calleeText}(…) left alone: the function callback uses this/arguments, which would then mean the enclosing function's`, 'this-or-arguments');
        continue;
      }
      if (cb.id && cbPath.scope.getBinding(cb.id.name)?.referenced) {
        report(`${calleeText}(…) left alone: the callback refers to itself by name`, 'unsupported-shape');
        continue;
      }
    }

    // Names of the callback that move into the enclosing function.
    const cbBindings = Object.entries(cbPath.scope.bindings).filter(([name, b]) => name !== errName && !(cb.type === 'FunctionExpression' && cb.id?.name === name && b.kind === 'local'));
    let collision: string | undefined;
    const fnNode = outer ? outer.fn : fnPath.node;
    for (const [name] of cbBindings) {
      if (name === 'arguments' || name === 'eval' || stmtPath.scope.hasBinding(name, { noGlobals: true } as any) || mentionedOutside(fnNode, cb, name)) {
        collision = name;
        break;
      }
    }
    if (collision) {
      report(`${calleeText}(…) left alone: \`${collision}\` of the callback would clash with a name of the enclosing function`, 'name-collision');
      continue;
    }
    const errBinding = cbPath.scope.getBinding(errName);
    const errRefs = errBinding?.referencePaths ?? [];
    const inRange = (n: t.Node, a: number, b: number) => n.start! >= a && n.end! <= b;
    const successRange: [number, number] | undefined = successStmts.length ? [successStmts[0].start!, successStmts[successStmts.length - 1].end!] : undefined;
    const errorRange: [number, number] = [ifStmt.consequent.start!, ifStmt.consequent.end!];
    if ((errBinding?.constantViolations.length ?? 0) > 0 || errRefs.some((r) => !inRange(r.node, errorRange[0], errorRange[1]) && r.node !== (ifStmt.test as t.Node) && !inRange(r.node, ifStmt.test.start!, ifStmt.test.end!))) {
      report(`${calleeText}(…) left alone: \`${errName}\` is used after the error check`, 'err-used-after-check');
      continue;
    }
    if (cbBindings.some(([, b]) => b.referencePaths.some((r) => inRange(r.node, errorRange[0], errorRange[1])))) {
      report(`${calleeText}(…) left alone: the error branch reads a result of the callback`, 'result-used-in-error-branch');
      continue;
    }
    if (!express && hasReturnValue(cb.body)) {
      report(`${calleeText}(…) left alone: a \`return value\` in the callback would become the async function's result`, 'returns-value');
      continue;
    }
    if (target.kind === 'module' && spec.fdFirst && mayBeFd(args[0], source)) {
      report(`${calleeText}(…) left alone: the first argument may be a file descriptor, which the promise form does not accept`, 'maybe-fd');
      continue;
    }

    // 4. Error routing.
    const throwOnly = errorStmts.length === 1 && errorStmts[0].type === 'ThrowStatement' && isIdent(errorStmts[0].argument, errName);
    const nextForward = Boolean(express?.next) && errorStmts.length === 1 && isNextForward(errorStmts[0], errName, express!.next!, cbPath);
    const callArgs = args.slice(0, -1);
    const inertCtx: InertContext = { scope: callPath.scope, req: express?.req, res: express?.res, isCommonJs, resolve: (n, s) => classify(s.getBinding(n), resolveTarget) };
    if (!alreadyAsync) {
      // An Express handler that becomes async: what threw synchronously went to next(err) through Express.
      const before = position.before;
      if (!before.every((s) => cannotThrowStatement(s, inertCtx))) {
        report(`${calleeText}(…) left alone: code before it in the handler may throw, which Express routes to next(err) but an async handler leaves unhandled`, 'throw-before-call');
        continue;
      }
      if (!nextForward && !(callArgs.length > 0 && stringish(callArgs[0], inertCtx) && callArgs.slice(1).every((a) => inert(a as t.Expression, inertCtx)))) {
        report(`${calleeText}(…) left alone: an argument may throw or be rejected, which went to next(err) through Express and would reach the error branch`, 'args-may-throw');
        continue;
      }
    } else if (!throwOnly && !callArgs.every((a) => a.type !== 'SpreadElement' && inert(a as t.Expression, inertCtx))) {
      report(`${calleeText}(…) left alone: an argument may throw, which rejected the function and would reach the error branch`, 'args-may-throw');
      continue;
    }

    // 5. Text. Comments in the parts that are rebuilt (not the arguments, error branch or success code) would be lost.
    const keptRanges: Array<[number, number]> = [[errStart, errEnd]];
    if (callArgs.length) keptRanges.push([callArgs[0].start!, callArgs[callArgs.length - 1].end!]);
    const rebuiltEnd = successRange ? firstToken(source, elseForm ? (ifStmt.alternate as t.BlockStatement).start! + 1 : Math.max(ifStmt.end!, errEnd)) : stmt.end!;
    const lost = (ast.comments ?? []).some(
      (cm) =>
        ((cm.start! >= stmt.start! && cm.end! <= rebuiltEnd) || (successRange && cm.start! >= (elseForm ? ifStmt.alternate!.end! : cb.body.end!) - 1 && cm.end! <= stmt.end!)) &&
        !keptRanges.some(([a, b]) => cm.start! >= a && cm.end! <= b),
    );
    if (lost) {
      report(`${calleeText}(…) left alone: a comment in the callback's head or error check would be lost`, 'comments');
      continue;
    }
    const stmtIndent = indentAt(source, stmt.start!);
    let success: Conversion['success'];
    let unit = '';
    if (successRange) {
      const startTok = firstToken(source, elseForm ? (ifStmt.alternate as t.BlockStatement).start! + 1 : Math.max(ifStmt.end!, errEnd));
      const endTok = lastToken(source, elseForm ? (ifStmt.alternate as t.BlockStatement).end! - 1 : cb.body.end! - 1);
      success = { start: startTok, end: endTok };
      const successIndent = indentAt(source, successStmts[0].start!);
      const sameLine = lineStart(source, successStmts[0].start!) === lineStart(source, stmt.start!);
      unit = !sameLine && successIndent.startsWith(stmtIndent) ? successIndent.slice(stmtIndent.length) : '';
    }
    const outerDedent = outer ? outer.outerDedent + outer.unit.length : 0;
    const finalIndent = stmtIndent.slice(0, Math.max(0, stmtIndent.length - outerDedent));
    // One indentation step for the try and catch bodies: that of the callback's body over the call, else the file's.
    const ifIndent = indentAt(source, ifStmt.start!);
    const cbOnCallLine = lineStart(source, cb.start!) === lineStart(source, stmt.start!);
    const step = cbOnCallLine && lineStart(source, ifStmt.start!) !== lineStart(source, stmt.start!) && ifIndent.startsWith(stmtIndent) && ifIndent.length > stmtIndent.length ? ifIndent.slice(stmtIndent.length) : fileUnit;
    const inner = finalIndent + step;
    // Arguments laid out one per line stay so, indented for where the call now stands (one step deeper in a try).
    const extra = throwOnly ? '' : step;
    let argsText = '';
    if (callArgs.length) {
      const open = source.indexOf('(', ((call as any).typeArguments ?? (call as any).typeParameters ?? call.callee).end);
      const multiline = open !== -1 && open < callArgs[0].start! && /\n/.test(source.slice(open + 1, callArgs[0].start!)) && !/\/[/*]/.test(source.slice(open + 1, callArgs[0].start!));
      argsText = multiline
        ? reindentRange(source, open + 1, callArgs[callArgs.length - 1].end!, outerDedent, inLiteral, extra) + eol + finalIndent + extra
        : reindentRange(source, callArgs[0].start!, callArgs[callArgs.length - 1].end!, outerDedent, inLiteral, extra);
    }
    const awaited = `await ${promiseCallee}(${argsText})`;
    const resultNames = results.map((r) => r.name);
    let target_ = '';
    if (resultNames.length === 1 && spec.results[0] === '*') target_ = resultNames[0];
    else if (resultNames.length) {
      target_ = `{ ${resultNames.map((n, i) => (spec!.results[i] === n ? n : `${spec!.results[i]}: ${n}`)).join(', ')} }`;
    }
    const typed = (r: t.Identifier) => (r.typeAnnotation && r.typeAnnotation.type === 'TSTypeAnnotation' ? `${r.name}: ${source.slice(r.typeAnnotation.typeAnnotation.start!, r.typeAnnotation.typeAnnotation.end!)}` : r.name);
    const lines: string[] = [];
    if (throwOnly) {
      lines.push(target_ ? `const ${target_} = ${awaited};` : `${awaited};`);
      if (target_ && results.some((r) => r.typeAnnotation) && results.length === 1) lines[0] = `const ${typed(results[0])} = ${awaited};`;
    } else {
      if (resultNames.length) lines.push(`let ${results.map(typed).join(', ')};`);
      lines.push('try {');
      const assign = !resultNames.length ? `${awaited};` : resultNames.length === 1 && spec.results[0] === '*' ? `${target_} = ${awaited};` : `(${target_} = ${awaited});`;
      lines.push(`${step}${assign}`);
      const needsAny = isTs && errRefs.some((r) => inRange(r.node, errorRange[0], errorRange[1]) && !isPassedOn(r, express?.next));
      lines.push(`} catch (${errName}${needsAny ? ': any' : ''}) {`);
      const errText = errEnd > errStart ? errorBranchText(source, errStart, errEnd, inner, inLiteral, eol) : '';
      if (errText) lines.push(`${step}${errText}`);
      if (elseForm && !errorExits && successRange) lines.push(`${step}return;`);
      lines.push('}');
    }
    const header = lines.map((l, i) => (i === 0 ? l : finalIndent + l)).join(eol);
    const conversion: Conversion = {
      stmt,
      callback: cb,
      ifStmt,
      fn: fnNode,
      express,
      success,
      unit,
      outerDedent,
      header: success ? header + eol + finalIndent : header,
      errorStmts,
      errorExits,
      elseForm,
    };
    conversions.set(cb, conversion);
  }

  if (!conversions.size) return undefined;

  // Apply: each conversion replaces its head (up to the first success token) and its tail, and its success lines lose
  // its indentation unit (plus that of every enclosing conversion).
  const edits = ctx.edits();
  const madeAsync = new Set<t.Node>();
  for (const c of conversions.values()) {
    if (c.express && !c.express.async && !madeAsync.has(c.fn)) {
      madeAsync.add(c.fn);
      edits.insert(c.fn.start!, 'async ');
    }
  }
  const replaced: Array<[number, number]> = [];
  for (const c of conversions.values()) {
    if (c.success) {
      edits.replace(c.stmt.start!, c.success.start, c.header!);
      edits.replace(c.success.end, c.stmt.end!, '');
      replaced.push([c.stmt.start!, c.success.start], [c.success.end, c.stmt.end!]);
    } else {
      edits.replace(c.stmt.start!, c.stmt.end!, c.header!);
      replaced.push([c.stmt.start!, c.stmt.end!]);
    }
  }
  const list = [...conversions.values()].filter((c) => c.success && c.unit);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
    const ls = i + 1;
    if (ls >= source.length || inLiteral(ls) || replaced.some(([a, b]) => ls > a && ls < b)) continue;
    let remove = 0;
    for (const c of list) if (ls > c.success!.start && ls <= c.success!.end) remove += c.unit.length;
    if (!remove) continue;
    const n = blanksAt(source, ls, remove);
    if (n) edits.remove(ls, ls + n);
  }
  return edits.apply();
}

// ---------------------------------------------------------------------------------------------------------------
// Position of the call

type Position = { fn: NodePath<t.Function>; outer?: Conversion; before: t.Node[] };

/**
 * The call's statement must be the last thing its function runs: last in its block, and each enclosing block the
 * body of the function or a branch of an if that is itself last. Returns the function (or the conversion of an
 * enclosing callback, whose body moves into its own function) and the code that runs before the call.
 */
function chain(stmtPath: NodePath<t.ExpressionStatement>, conversions: Map<t.Node, Conversion>): Position | 'code-after-call' | 'unsupported-position' | 'top-level' {
  const before: t.Node[] = [];
  let cur: NodePath = stmtPath;
  for (;;) {
    const parent = cur.parentPath;
    // `else if`: the inner if is the alternate of the outer one.
    if (parent?.isIfStatement() && cur.key !== 'test' && (cur.isBlockStatement() || cur.isIfStatement())) {
      // The test runs before the call, and the other branch runs instead of it: both run synchronously in the handler.
      before.push(parent.node.test);
      const other = cur.key === 'consequent' ? parent.node.alternate : parent.node.consequent;
      if (other) before.push(other);
      cur = parent;
      continue;
    }
    if (!parent?.isBlockStatement()) return 'unsupported-position';
    const stmts = parent.node.body;
    const idx = stmts.indexOf(cur.node as t.Statement);
    const after = stmts.slice(idx + 1).filter((s) => s.type !== 'EmptyStatement' && s.type !== 'FunctionDeclaration' && !s.type.startsWith('TS'));
    if (after.length) return 'code-after-call';
    before.push(...stmts.slice(0, idx));
    const owner = parent.parentPath!;
    if (owner.isFunction()) {
      const conv = conversions.get(owner.node);
      if (!conv) return { fn: owner as NodePath<t.Function>, before };
      // Inside a callback converted in this run: its success code moves into its own enclosing function; its error
      // branch becomes a catch block, which is not the end of that function.
      const consequent = conv.ifStmt.consequent;
      if (stmtPath.node.start! >= consequent.start! && stmtPath.node.end! <= consequent.end!) return 'unsupported-position';
      return { fn: owner as NodePath<t.Function>, outer: conv, before };
    }
    if (owner.isIfStatement()) {
      cur = parent;
      continue;
    }
    if (owner.isBlockStatement()) {
      cur = parent;
      continue;
    }
    return owner.isProgram() ? 'top-level' : 'unsupported-position';
  }
}
