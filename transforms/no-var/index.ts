import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { z } from 'zod';
import { withTraverse, type Traverse } from '../../src/ast.js';
import { defineMeta, type FileTransformContext } from '../../src/types.js';
import { allows, moduleKind, targetMessage, targetOf, targetOption } from '../../src/target.js';
import nodePath from 'node:path';

export const meta = defineMeta({
  name: 'no-var',
  description: 'var → const when never reassigned, else let; leaves var alone where block scoping would change behaviour',
  engine: 'file',
  reasons: {
    'catch-param': 'it redeclares the catch parameter',
    'closure-in-loop': 'a closure in the loop captures it, and let would give each iteration its own binding',
    declare: 'an ambient `declare var` is kept',
    'eval-or-with': 'the file uses direct eval or with, which can reach any name',
    'global-script': 'at the top level of a script it creates a global property',
    'hoisted-function': 'used in a hoisted function that may run before the declaration',
    'namespace-export': 'exported from a TypeScript namespace/module, where another block of the merged namespace or a qualified `N.x = …` may assign it',
    redeclared: 'declared more than once in nested or shared blocks',
    'reserved-name': 'the name cannot be lexically declared',
    'single-statement': 'a lexical declaration is not allowed in a single-statement position',
    'switch-case': 'used in another case of the switch, which can skip its declaration',
    'uninitialized-in-loop': 'declared without a value in a loop, where let would reset it each iteration',
    'used-before-declaration': 'used in its own initializer, where let would throw',
    'used-outside-block': 'used outside the block it is declared in',
  },
  version: '1',
  options: z.object({
    preferConst: z.boolean().default(true).describe('use const for declarations that are never reassigned (false: always let)'),
    target: targetOption(),
  }),
  prefilter: (source) => source.includes('var'),
});

type Options = z.infer<NonNullable<typeof meta.options>>;

interface Verdict {
  ok: boolean;
  reason?: string;
  message?: string;
  constant?: boolean;
}

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const BLOCK_PARENTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock', 'SwitchCase']);

export default function noVar(ctx: FileTransformContext<Options>): Promise<string | undefined> {
  return withTraverse((traverse) => convert(ctx, traverse));
}

function convert(ctx: FileTransformContext<Options>, traverse: Traverse): string | undefined {
  if (/\.d\.[cm]?ts$/.test(ctx.path)) return undefined;
  if (!/\bvar\b/.test(ctx.source)) return undefined;
  const ast = ctx.parse();
  const declarations: NodePath<t.VariableDeclaration>[] = [];
  let hasEvalOrWith = false;
  traverse(ast, {
    VariableDeclaration(path: NodePath<t.VariableDeclaration>) {
      if (path.node.kind === 'var') declarations.push(path);
    },
    WithStatement() {
      hasEvalOrWith = true;
    },
    CallExpression(path: NodePath<t.CallExpression>) {
      const callee = path.node.callee;
      if (callee.type === 'Identifier' && callee.name === 'eval' && !path.scope.getBinding('eval')) hasEvalOrWith = true;
    },
  });
  if (declarations.length === 0) return undefined;
  const target = targetOf(ctx);
  if (!allows(target, 'let-const')) {
    ctx.report(targetMessage(target!, 'let-const'), declarations[0].node, 'target');
    return undefined;
  }
  if (hasEvalOrWith) {
    ctx.report('all `var`s kept: the file uses direct eval or with, which can reach any name', declarations[0].node, 'eval-or-with');
    return undefined;
  }

  const isModule = moduleKind(ctx.absPath ?? nodePath.resolve(ctx.path), ctx.source, ast.program.sourceType === 'module') !== 'script';
  const edits = ctx.edits();
  for (const decl of declarations) {
    const verdict = judge(decl, isModule);
    if (!verdict.ok) {
      ctx.report(verdict.message!, decl.node, verdict.reason);
      continue;
    }
    const start = decl.node.start!;
    // A `var` declaration always starts with its keyword (escaped keywords do not parse). Writing `let` over other
    // text would be a wrong rewrite, so a broken assumption fails the file (left unchanged) instead of being guessed.
    if (ctx.source.slice(start, start + 3) !== 'var') {
      throw new Error(`\`var\` keyword not found at offset ${start} (a broken assumption of no-var; the file is left unchanged)`);
    }
    edits.replace(start, start + 3, verdict.constant && ctx.options.preferConst !== false ? 'const' : 'let');
  }
  return edits.size ? edits.apply() : undefined;
}

const fail = (reason: string, message: string): Verdict => ({ ok: false, reason, message });

/** Decides whether one `var` declaration can become `let`/`const` without changing behaviour. */
function judge(decl: NodePath<t.VariableDeclaration>, isModule: boolean): Verdict {
  const node = decl.node;
  if (node.declare || decl.findParent((p) => p.isTSModuleDeclaration() && Boolean(p.node.declare))) {
    return fail('declare', 'ambient `declare var` kept');
  }
  // `namespace N { export var x }`: x is a property of N. Another block of a merged namespace (same file or
  // another one) assigns it by its bare name, and `N.x = …` anywhere assigns it too; as `const`, tsc rejects
  // both (TS2588/TS2540). Proving no such write exists would need the whole program, so it stays var.
  if (decl.parentPath?.isExportNamedDeclaration() && decl.parentPath.parentPath?.isTSModuleBlock()) {
    return fail('namespace-export', '`var` kept: exported from a namespace, where another block of the merged namespace or `N.x = …` may assign it');
  }
  const site = declarationSite(decl);
  if (!site) {
    return fail('single-statement', '`var` kept: a lexical declaration is not allowed in a single-statement position');
  }
  const { inForHead, range: scopeRange, container } = site;
  // Outside every function (and TS namespace) of a script, a var is a property of the global object, wherever
  // it is nested: `if (x) { var y }` at the top level declares the global `y` just like a top-level var.
  if (!isModule && !decl.scope.getFunctionParent() && !decl.findParent((p) => p.isTSModuleBlock())) {
    return fail('global-script', container.isProgram()
      ? '`var` kept: at the top level of a script it creates a global property'
      : '`var` kept: outside any function of a script (even inside a block) it creates a global property');
  }
  const functionNode = (decl.scope.getFunctionParent() ?? decl.scope.getProgramParent()).path.node;
  const inLoop = inForHead || hasLoopBetween(decl, functionNode);
  const switchCase = container.isSwitchCase() ? container.node : undefined;

  let constant = true;
  for (const declarator of decl.get('declarations')) {
    if (!declarator.node.init && !inForHead) constant = false;
    if (!declarator.node.init && inLoop && !inForHead) {
      return fail('uninitialized-in-loop', `\`${firstName(declarator.node)}\` kept as var: declared without a value in a loop, where let would reset it each iteration`);
    }
    const names = Object.keys(declarator.getBindingIdentifiers());
    for (const name of names) {
      if (name === 'let' || name === 'arguments' || name === 'eval') {
        return fail('reserved-name', `\`${name}\` kept as var: the name cannot be lexically declared`);
      }
      const catchPath = container.parentPath;
      if (catchPath?.isCatchClause() && catchPath.node.param) {
        const catchNames = Object.keys((catchPath.get('param') as NodePath).getBindingIdentifiers());
        if (catchNames.includes(name)) return fail('catch-param', `\`${name}\` kept as var: it redeclares the catch parameter`);
      }
      const binding = decl.scope.getBinding(name);
      if (!binding || binding.kind !== 'var') {
        return fail('redeclared', `\`${name}\` kept as var: the name is also declared as a ${binding?.kind ?? 'different binding'}`);
      }
      // Babel lists a declarator in a loop as a "violation" of its own binding (it runs again each iteration).
      const writes = binding.constantViolations.filter((v) => v.node !== declarator.node);
      if (writes.some((v) => v.isFunctionDeclaration() || v.isClassDeclaration())) {
        return fail('redeclared', `\`${name}\` kept as var: also declared as a function or class`);
      }
      // Every declarator of the name: the binding's first one plus the redeclarations Babel lists as violations.
      const allDeclarators = [binding.path, ...binding.constantViolations].filter(
        (v, i, list): v is NodePath<t.VariableDeclarator> => v.isVariableDeclarator() && list.findIndex((o) => o.node === v.node) === i,
      );
      const otherDeclarators = allDeclarators.filter((v) => v.node !== declarator.node);
      // `export var x` lists the export statement itself as a reference.
      let uses: NodePath[] = [
        ...binding.referencePaths.filter((r) => r.node !== decl.parentPath?.node),
        ...writes.filter((v) => !v.isVariableDeclarator()),
      ];
      if (otherDeclarators.length) {
        const split = ownSegment(name, declarator, otherDeclarators, uses, scopeRange, functionNode);
        if (!split.ok) return split;
        uses = split.uses;
      }
      if (uses.some((u) => u.isAssignmentExpression() || u.isUpdateExpression() || u.isForXStatement() || !u.isIdentifier())) {
        constant = false;
      }
      for (const use of uses) {
        const verdict = judgeUse(use, name, decl, declarator, inForHead, scopeRange, functionNode, inLoop, switchCase);
        if (!verdict.ok) return verdict;
      }
    }
  }
  return { ok: true, constant };
}

/**
 * A name declared by several `var`s (typically `for (var i ...)` twice in one function) is one variable. Each
 * declaration can still become its own `let` when the declarations sit in disjoint blocks, each one assigns a
 * value before any use in its block, every use lies in one of those blocks, and no closure sees the name
 * (so no value can flow from one block to another). Returns the uses that belong to this declaration's block.
 */
function ownSegment(
  name: string,
  declarator: NodePath<t.VariableDeclarator>,
  others: NodePath<t.VariableDeclarator>[],
  uses: NodePath[],
  own: [number, number],
  functionNode: t.Node,
): Verdict & { uses: NodePath[] } {
  const bad = (message: string) => ({ ...fail('redeclared', `\`${name}\` kept as var: ${message}`), uses: [] });
  const ranges: Array<[number, number]> = [own];
  for (const other of [declarator, ...others]) {
    const otherDecl = other.parentPath as NodePath<t.VariableDeclaration>;
    if (!otherDecl.isVariableDeclaration() || otherDecl.node.kind !== 'var') return bad('declared more than once');
    const info = declarationSite(otherDecl);
    if (!info) return bad('declared more than once, once where let is not allowed');
    const isForXHead = info.inForHead && !otherDecl.parentPath!.isForStatement();
    if (!other.node.init && !isForXHead) return bad('declared more than once, once without a value that would carry over');
    if (other !== declarator) ranges.push(info.range);
  }
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i][0] < sorted[i - 1][1]) return bad('declared more than once in nested or shared blocks');
  }
  const mine: NodePath[] = [];
  for (const use of uses) {
    const pos = use.node.start!;
    if (enclosingClosures(use, functionNode).length) return bad('declared more than once and used in a closure');
    if (!ranges.some(([a, b]) => pos >= a && pos < b)) return bad('declared more than once and used outside those blocks');
    if (pos >= own[0] && pos < own[1]) mine.push(use);
  }
  return { ok: true, uses: mine };
}

/** Whether a declaration may become lexical where it stands, and the range such a declaration would cover. */
function declarationSite(
  decl: NodePath<t.VariableDeclaration>,
): { inForHead: boolean; range: [number, number]; container: NodePath } | undefined {
  const parent = decl.parentPath!;
  const inForHead =
    (parent.isForStatement() && decl.key === 'init') || ((parent.isForInStatement() || parent.isForOfStatement()) && decl.key === 'left');
  const container = parent.isExportNamedDeclaration() ? parent.parentPath! : parent;
  if (!inForHead && !BLOCK_PARENTS.has(container.node.type)) return undefined;
  return { inForHead, range: lexicalRange(decl, inForHead, container), container };
}

function firstName(declarator: t.VariableDeclarator): string {
  return declarator.id.type === 'Identifier' ? declarator.id.name : 'destructured names';
}

/** Source range a `let` in this position would be visible in. */
function lexicalRange(decl: NodePath<t.VariableDeclaration>, inForHead: boolean, container: NodePath): [number, number] {
  if (inForHead) return [decl.parentPath!.node.start!, decl.parentPath!.node.end!];
  if (container.isSwitchCase()) {
    const cases = (container.parentPath!.node as t.SwitchStatement).cases;
    return [cases[0].start!, cases[cases.length - 1].end!];
  }
  return [container.node.start!, container.node.end!];
}

function hasLoopBetween(path: NodePath, stop: t.Node): boolean {
  for (let p = path.parentPath; p && p.node !== stop; p = p.parentPath) {
    if (LOOP_TYPES.has(p.node.type)) return true;
    if (p.isFunction()) return false;
  }
  return false;
}

/** Functions (and class bodies, whose field initialisers run later) between a use and the declaring function. */
function enclosingClosures(use: NodePath, stop: t.Node): NodePath[] {
  const out: NodePath[] = [];
  for (let p = use.parentPath; p && p.node !== stop; p = p.parentPath) {
    if (p.isFunction() || p.isClassProperty() || p.isClassPrivateProperty()) out.push(p);
  }
  return out;
}

function judgeUse(
  use: NodePath,
  name: string,
  decl: NodePath<t.VariableDeclaration>,
  declarator: NodePath<t.VariableDeclarator>,
  inForHead: boolean,
  [scopeStart, scopeEnd]: [number, number],
  functionNode: t.Node,
  inLoop: boolean,
  switchCase: t.SwitchCase | undefined,
): Verdict {
  const pos = use.node.start!;
  if (pos < scopeStart || pos >= scopeEnd) {
    return fail('used-outside-block', `\`${name}\` kept as var: used outside the block it is declared in`);
  }
  if (pos < declarator.node.start!) {
    return fail('used-before-declaration', `\`${name}\` kept as var: used before its declaration, where let would throw`);
  }
  if (pos < declarator.node.end!) {
    const init = declarator.node.init;
    const inInitFunction =
      init &&
      (init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression' || init.type === 'ClassExpression') &&
      pos >= init.start! &&
      pos < init.end!;
    if (!inInitFunction) {
      return fail('used-before-declaration', `\`${name}\` kept as var: used in its own initializer, where let would throw`);
    }
  }
  if (inForHead) {
    const loop = decl.parentPath!.node as t.ForInStatement | t.ForOfStatement;
    if ((loop.type === 'ForInStatement' || loop.type === 'ForOfStatement') && pos >= loop.right.start! && pos < loop.right.end!) {
      return fail('used-before-declaration', `\`${name}\` kept as var: used in the loop's own iterated expression`);
    }
  }
  if (switchCase && !(pos >= switchCase.start! && pos < switchCase.end!)) {
    return fail('switch-case', `\`${name}\` kept as var: used in another case of the switch, which can skip its declaration`);
  }
  const closures = enclosingClosures(use, functionNode);
  if (closures.length && inLoop) {
    return fail('closure-in-loop', `\`${name}\` kept as var: a closure in the loop captures it, and let would give each iteration its own binding`);
  }
  for (const closure of closures) {
    if (closure.isFunctionDeclaration() && !hoistedFunctionRunsAfter(closure, decl.node.end!)) {
      return fail('hoisted-function', `\`${name}\` kept as var: used in a hoisted function that may run before the declaration`);
    }
  }
  return { ok: true };
}

/**
 * A function declaration is hoisted: it can be called before a declaration that precedes it in the text.
 * The earliest point it can run is the first mention of its name, or, for a mention inside another hoisted
 * function, the earliest point that one can run. An exported function is taken to be called by importers only
 * once this module has finished evaluating (a circular import calling it earlier is not modelled).
 */
function hoistedFunctionRunsAfter(fn: NodePath<t.FunctionDeclaration>, after: number): boolean {
  return earliestRun(fn) >= after;
}

const earliestCache = new WeakMap<t.Node, number>();

function earliestRun(fn: NodePath<t.FunctionDeclaration>): number {
  const cached = earliestCache.get(fn.node);
  if (cached !== undefined) return cached;
  earliestCache.set(fn.node, Infinity); // mutual recursion alone never starts a call
  const id = fn.node.id;
  const binding = id ? fn.parentPath?.scope.getBinding(id.name) : undefined;
  let earliest = Infinity;
  if (!id || !binding) earliest = -Infinity;
  else {
    const stop = (fn.parentPath!.scope.getFunctionParent() ?? fn.parentPath!.scope.getProgramParent()).path.node;
    for (const ref of [...binding.referencePaths, ...binding.constantViolations]) {
      if (ref.node === fn.parentPath?.node) continue; // `export function f` names itself
      let at = ref.node.start!;
      for (const closure of enclosingClosures(ref, stop)) {
        if (closure.node === fn.node) {
          at = Infinity; // a call from inside itself does not start it
          break;
        }
        if (closure.isFunctionDeclaration()) at = Math.min(at, earliestRun(closure));
      }
      earliest = Math.min(earliest, at);
    }
  }
  earliestCache.set(fn.node, earliest);
  return earliest;
}
