import type { Binding, NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import type { Traverse } from '../../src/ast.js';
import { parseSource, parserFor } from '../../src/parse.js';
import { type Caller, type PackageScope, packageScope, type SourceFile, textBindings } from './callers.js';
import { chainText, keyName, propName } from './syntax.js';

/**
 * Other files of the package that use an exported constructor, or its prototype, as a value in a way a class does
 * not keep: `Object.assign(W.prototype, X.prototype)`, `_.extend(o, X)`, `{ ...X.prototype }`,
 * `for (k in X.prototype)`, `Object.keys(X)`, `const p = X.prototype`, `mixin(X)`. Prototype methods and statics
 * assigned to a function are enumerable properties; class methods are not, so such a copy or enumeration silently
 * gets nothing once X is a class. This is the cross-file counterpart of `prototype-used-as-value` / `escapes`.
 *
 * The files are those of the callers scan (callers.ts: the package under the nearest package.json). Only files that
 * require or import the package and bind the module or mention the name are parsed; each use of the constructor
 * (a local bound to `require('./x')`, `require('./x').X`, an import, `pkg.X` on any module of the package, or the
 * bare name when nothing else declares it) is judged. Allowed: `new X`, `instanceof`/comparisons, calls (judged by
 * the without-new scan), static reads and writes, `X.prototype.m` reads and writes, `Object.create(X.prototype)`,
 * `class … extends X`, `inherits(Sub, X)`, re-exports. Anything else refuses. A file that does not parse refuses
 * too (its uses cannot be judged).
 */

export interface ValueUse extends Caller {
  /** What the use does, for the message: "passes X.prototype to Object.assign(…)". */
  what: string;
}

const COMPARISONS = new Set(['instanceof', '===', '!==', '==', '!=']);
/** TypeScript nodes that are expressions (a value passes through them); every other TS parent is a type position. */
const TS_EXPRESSIONS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

export function findValueUseElsewhere(absFile: string, name: string, traverse: Traverse): ValueUse | undefined {
  const scope = packageScope(absFile, name);
  for (const f of scope.files) {
    if (f.abs === scope.self) continue;
    const { bound, requiresPackage } = textBindings(f, scope);
    if (!requiresPackage || (!bound.size && !f.text.includes(name))) continue;
    let ast: t.File;
    try {
      ast = parseSource(f.text, parserFor(f.abs, 'auto')) as unknown as t.File;
    } catch {
      return { file: f.abs, line: 1, text: '', what: `cannot be parsed, so its uses of ${name} cannot be checked` };
    }
    const found = scanFile(ast, f, scope, traverse);
    if (found) return found;
  }
  return undefined;
}

function requireSpec(node: t.Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return node.arguments.length === 1 && arg.type === 'StringLiteral' ? arg.value : undefined;
}

function scanFile(ast: t.File, f: SourceFile, scope: PackageScope, traverse: Traverse): ValueUse | undefined {
  const { name } = scope;
  const reachesSelf = (spec: string, prop?: string) => scope.insidePackage(spec, f.abs) && scope.reachesSelf(spec, f.abs, prop);
  const inside = (spec: string | undefined) => spec !== undefined && scope.insidePackage(spec, f.abs);
  const selfCache = new Map<Binding, boolean>();
  const moduleCache = new Map<Binding, boolean>();

  /** A local bound to a module of the package (`var lib = require('./lib')`, `import * as lib from './lib'`). */
  const isModuleLocal = (binding: Binding): boolean => {
    const cached = moduleCache.get(binding);
    if (cached !== undefined) return cached;
    const bp = binding.path;
    let result = false;
    if (bp.isVariableDeclarator() && bp.node.id.type === 'Identifier') result = inside(requireSpec(bp.node.init));
    else if (bp.isImportNamespaceSpecifier() || bp.isImportDefaultSpecifier()) result = inside((bp.parentPath!.node as t.ImportDeclaration).source.value);
    moduleCache.set(binding, result);
    return result;
  };

  /** Whether an expression is the constructor: the module itself, its `name` property, or a local bound to either. */
  const isSelfExpr = (p: NodePath): boolean => {
    const node = p.node;
    const spec = requireSpec(node);
    if (spec !== undefined) return reachesSelf(spec);
    if (p.isMemberExpression() && propName(p.node) === name) {
      const object = p.get('object') as NodePath;
      const objSpec = requireSpec(object.node);
      if (objSpec !== undefined) return reachesSelf(objSpec, name);
      if (object.isIdentifier()) {
        const b = object.scope.getBinding(object.node.name);
        return Boolean(b && isModuleLocal(b));
      }
      return false;
    }
    if (p.isIdentifier()) return isSelfLocal(p as NodePath<t.Identifier>);
    return false;
  };

  const isSelfLocal = (id: NodePath<t.Identifier>): boolean => {
    const binding = id.scope.getBinding(id.node.name);
    // A global of that name, in a file that uses the package (it got the constructor some other way).
    if (!binding) return id.node.name === name;
    const cached = selfCache.get(binding);
    if (cached !== undefined) return cached;
    selfCache.set(binding, false); // cycles (`a = b; b = a`) end here
    const bp = binding.path;
    let result = false;
    if (bp.isVariableDeclarator()) {
      const idNode = bp.node.id;
      const init = bp.get('init') as NodePath;
      if (idNode.type === 'Identifier' && init.node) result = isSelfExpr(init);
      else if (idNode.type === 'ObjectPattern' && init.node) {
        // `const { Counter } = require('./lib')` / `const { Counter: C } = lib`
        const fromModule = inside(requireSpec(init.node)) || (init.isIdentifier() && Boolean(init.scope.getBinding(init.node.name) && isModuleLocal(init.scope.getBinding(init.node.name)!)));
        result = fromModule && idNode.properties.some((prop) => prop.type === 'ObjectProperty' && !prop.computed && keyName(prop.key) === name && prop.value.type === 'Identifier' && prop.value.name === id.node.name);
      }
    } else if (bp.isImportDefaultSpecifier()) {
      result = reachesSelf((bp.parentPath!.node as t.ImportDeclaration).source.value);
    } else if (bp.isImportSpecifier()) {
      const imported = keyName(bp.node.imported);
      const from = (bp.parentPath!.node as t.ImportDeclaration).source.value;
      result = (imported === name && reachesSelf(from, name)) || (imported === 'default' && reachesSelf(from));
    } else if (bp.isTSImportEqualsDeclaration()) {
      const ref = bp.node.moduleReference;
      result = ref.type === 'TSExternalModuleReference' && reachesSelf(ref.expression.value);
    }
    // `let C; C = require('./lib')`
    if (!result) {
      result = binding.constantViolations.some((v) => v.isAssignmentExpression() && v.node.operator === '=' && isSelfExpr(v.get('right') as NodePath));
    }
    selfCache.set(binding, result);
    return result;
  };

  const describe = (p: NodePath, label: string): string => {
    const parent = p.parentPath!;
    if (parent.isForInStatement()) return `enumerates ${label} with for-in`;
    if (parent.isSpreadElement()) return `spreads ${label}`;
    if (parent.isCallExpression()) return `passes ${label} to ${chainText(parent.node.callee) ?? 'a function'}(…)`;
    if (parent.isVariableDeclarator() || parent.isAssignmentExpression()) return `stores ${label}`;
    return `uses ${label} as a value`;
  };

  /** Undefined when the use keeps working on a class, else what it does. */
  const judge = (e: NodePath, label: string): string | undefined => {
    const parent = e.parentPath;
    if (!parent) return undefined;
    const pn = parent.node;
    if (parent.isVariableDeclarator() && parent.node.init === e.node) {
      const id = parent.node.id;
      // An alias is judged through its own uses; destructuring reads named statics, unless it takes the prototype or the rest.
      if (id.type === 'Identifier') return undefined;
      if (id.type === 'ObjectPattern' && id.properties.every((prop) => prop.type === 'ObjectProperty' && !prop.computed && keyName(prop.key) !== 'prototype')) return undefined;
      return `destructures ${label}`;
    }
    if (parent.isNewExpression() && parent.node.callee === e.node) return undefined;
    if (parent.isBinaryExpression() && COMPARISONS.has(parent.node.operator)) return undefined;
    if ((parent.isCallExpression() || parent.isOptionalCallExpression()) && parent.node.callee === e.node) return undefined; // the without-new scan
    if ((parent.isMemberExpression() || parent.isOptionalMemberExpression()) && parent.node.object === e.node) {
      if (propName(parent.node) === 'prototype') return judgePrototype(parent as NodePath<t.MemberExpression>, `${label}.prototype`);
      return undefined; // a static read or write, .call/.apply/.bind (the without-new scan), .super_
    }
    if (parent.isClass() && parent.node.superClass === e.node) return undefined;
    if (parent.isExportSpecifier() || parent.isExportDefaultDeclaration() || parent.isTSExportAssignment()) return undefined;
    if (parent.isAssignmentExpression() && parent.node.right === e.node && isExportTarget(parent.node.left)) return undefined;
    if (parent.isObjectProperty() && parent.node.value === e.node) {
      const obj = parent.parentPath!;
      const holder = obj.parentPath;
      if (holder?.isExportDefaultDeclaration()) return undefined;
      if (holder?.isAssignmentExpression() && holder.node.right === obj.node && isExportTarget(holder.node.left)) return undefined;
    }
    if (parent.isCallExpression()) {
      const index = parent.node.arguments.indexOf(e.node as t.Expression);
      const callee = parent.node.callee;
      const calleeName = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propName(callee) : undefined;
      if (calleeName === 'inherits' && index === 1) return undefined; // parent of another constructor
      if (chainText(callee) === 'Error.captureStackTrace' && index === 1) return undefined;
    }
    if (pn.type.startsWith('TS') && !TS_EXPRESSIONS.has(pn.type)) return undefined; // a type position
    return describe(e, label);
  };

  const judgePrototype = (proto: NodePath<t.MemberExpression>, label: string): string | undefined => {
    const gp = proto.parentPath!;
    if ((gp.isMemberExpression() || gp.isOptionalMemberExpression()) && gp.node.object === proto.node) return undefined; // X.prototype.m
    if (gp.isBinaryExpression() && COMPARISONS.has(gp.node.operator)) return undefined;
    if (gp.isCallExpression()) {
      const callee = chainText(gp.node.callee);
      const index = gp.node.arguments.indexOf(proto.node);
      if (callee === 'Object.create' && index === 0) return undefined;
      if (callee === 'Object.setPrototypeOf' && index === 1) return undefined;
    }
    return describe(proto, label);
  };

  let found: ValueUse | undefined;
  const report = (p: NodePath, what: string) => {
    if (found) return;
    const line = p.node.loc?.start.line ?? 1;
    const lineText = (f.text.split('\n')[line - 1] ?? '').trim();
    found = { file: f.abs, line, text: lineText.length > 80 ? lineText.slice(0, 77) + '...' : lineText, what };
  };
  const labelOf = (p: NodePath) => f.text.slice(p.node.start!, p.node.end!).replace(/\s+/g, ' ');
  const visit = (p: NodePath) => {
    if (found || !isSelfExpr(p)) return;
    const what = judge(p, labelOf(p));
    if (what) report(p, what);
  };
  traverse(ast, {
    Identifier(p: NodePath<t.Identifier>) {
      if (found) return p.stop();
      if (!p.isReferencedIdentifier()) return;
      visit(p);
    },
    MemberExpression(p: NodePath<t.MemberExpression>) {
      if (found) return p.stop();
      if (propName(p.node) === name) visit(p);
    },
    CallExpression(p: NodePath<t.CallExpression>) {
      if (found) return p.stop();
      if (requireSpec(p.node) !== undefined) visit(p);
    },
  });
  return found;
}

/** `module.exports`, `module.exports.X`, `exports.X`: a re-export (its importers reach the constructor through the package). */
function isExportTarget(left: t.Node): boolean {
  const text = chainText(left);
  return text !== undefined && (text === 'module.exports' || /^(module\.)?exports\.[\w$]+$/.test(text));
}
