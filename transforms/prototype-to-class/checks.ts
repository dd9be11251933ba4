import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import nodePath from 'node:path';
import { isPublished } from '../../src/target.js';
import { findCallerWithoutNew } from './callers.js';
import { Collector } from './collect.js';
import { type Candidate, type Container, type Member, Refuse, RESERVED_STATIC, type SuperCall } from './model.js';
import { findStrictProblem } from './strict.js';
import { findValueUseElsewhere } from './value-uses.js';
import { chainText, containsNode, containsThis, isCalledOrBound, isMemberTarget, isPrototypeAssignment, propName, usesOwnThis } from './syntax.js';

/** Safety checks: whether a class keeps what the constructor function did (structure, members, comments, strict mode, public API). */
export class Checks extends Collector {
  protected analyse(c: Candidate): void {
    const { binding, fn, name } = c;
    if (binding.kind !== 'hoisted' || binding.constantViolations.length) {
      throw new Refuse('constructor-reassigned', `\`${name}\` is reassigned or redeclared`, binding.constantViolations[0]?.node);
    }
    if (fn.node.typeParameters || fn.node.returnType || fn.node.params.some((p) => p.type === 'Identifier' && p.name === 'this')) {
      throw new Refuse('typescript-signature', 'type parameters, a return type or a `this` parameter have no class constructor equivalent');
    }
    if (c.container.isProgram() && !this.moduleLike) {
      throw new Refuse('global-script', 'at the top level of a script a function declaration is a global property, a class is not');
    }
    for (const ref of binding.referencePaths) {
      // `export function X` / `export default function X` list the export statement as a reference.
      if (ref.node === c.stmt.node) c.definitionRefs.add(ref.node);
      else this.classify(c, ref);
    }

    // Order: the parent link must exist before any prototype member, and constructor repair after Object.create.
    const body = c.container.node.body as t.Statement[];
    const pos = (s: t.Statement) => body.indexOf(s);
    const protoMembers = [...c.members.filter((m) => !m.isStatic).map((m) => m.stmt), ...[...c.kept].filter((s) => isPrototypeAssignment(s))];
    for (const head of [c.parent?.stmt, c.literal]) {
      if (head && protoMembers.some((s) => s !== head && pos(s) < pos(head))) {
        throw new Refuse('prototype-reassigned', 'the prototype is replaced after members were added to it', head);
      }
    }
    if (c.parent && c.literal) throw new Refuse('prototype-reassigned', 'the prototype is both inherited and replaced by an object', c.literal);
    if (c.parent?.via === 'create' && !c.parent.createHasDescriptor) {
      if (!c.ctorFix) throw new Refuse('constructor-not-restored', '`prototype.constructor` is not restored after Object.create, so instances report the parent as constructor', c.parent.stmt);
      if (pos(c.ctorFix) < pos(c.parent.stmt)) throw new Refuse('constructor-not-restored', '`prototype.constructor` is set before the prototype is replaced', c.ctorFix);
    }

    if (!c.members.length && !c.parent) {
      throw new Refuse('no-movable-members', 'no member can move into a class body (only data or existing functions are assigned); nothing to gain', c.fn.node);
    }
    this.checkConstructor(c);
    const seen = new Map<string, string>();
    for (const m of c.members) {
      const key = `${m.isStatic ? 'static ' : ''}${m.name}`;
      const before = seen.get(key);
      if (before && !(m.kind !== 'method' && before !== 'method' && before !== m.kind)) {
        throw new Refuse('duplicate-member', `\`${m.name}\` is defined more than once`, m.stmt);
      }
      seen.set(key, before && before !== m.kind ? 'pair' : m.kind);
      this.checkMemberFunction(m);
    }
    this.checkComments(c);
    this.checkEnumeration(c);
    if (this.typescript) this.checkTypeScriptFields(c);
    if (!this.strictFile && !this.inStrictFunction(c.container)) this.checkSloppy(c);
    this.ownerOf.set(fn.node, c);
    for (const m of c.members) this.ownerOf.set(m.fn.node, c);
  }

  protected inStrictFunction(container: Container): boolean {
    for (let p: NodePath | null = container; p; p = p.parentPath) {
      if ((p.isBlockStatement() || p.isProgram()) && p.node.directives?.some((d) => d.value.value === 'use strict')) return true;
    }
    return false;
  }


  /** The derived constructor's parent call becomes `super(…)`; any constructor returning a value is refused. */
  protected checkConstructor(c: Candidate): void {
    const fn = c.fn;
    fn.traverse({
      Function(p: NodePath<t.Function>) {
        p.skip();
      },
      ReturnStatement(p: NodePath<t.ReturnStatement>) {
        if (p.node.argument) throw new Refuse('constructor-returns-value', 'the constructor returns a value', p.node);
      },
    });
    // Calls of this constructor elsewhere (c.callRefs) are checked later, in settleDependencies.
    if (!c.parent) return;
    const parentText = c.parent.text;
    const isParentCall = (n: t.Node): n is t.CallExpression => {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return false;
      const method = propName(n.callee);
      if (method !== 'call' && method !== 'apply') return false;
      const target = n.callee.object;
      const text = chainText(target);
      return text === parentText || text === `${c.name}.super_`;
    };
    const statements = fn.get('body').get('body');
    let superCall: SuperCall | undefined;
    for (const s of statements) {
      const expr = s.isExpressionStatement() ? s.node.expression : undefined;
      if (expr && isParentCall(expr)) {
        const args = expr.arguments;
        if (args[0]?.type !== 'ThisExpression') throw new Refuse('no-parent-call', 'the parent is called with another receiver than `this`', expr);
        const rest = args.slice(1);
        const method = propName(expr.callee as t.MemberExpression);
        let text: string;
        if (method === 'call') {
          text = rest.length ? `super(${this.source.slice(rest[0].start!, rest[rest.length - 1].end!)})` : 'super()';
          if (rest.some((a) => containsThis(a))) throw new Refuse('this-before-super', 'the parent call passes `this` in its arguments', expr);
        } else if (rest.length === 0) {
          text = 'super()';
        } else if (rest.length === 1 && rest[0].type === 'Identifier' && rest[0].name === 'arguments') {
          text = 'super(...arguments)';
        } else {
          throw new Refuse('apply-arguments', '`apply` with an array-like other than `arguments` (spread needs an iterable)', expr);
        }
        superCall = { path: (s as NodePath<t.ExpressionStatement>).get('expression') as NodePath<t.CallExpression>, text };
        break;
      }
      if (containsThis(s.node) || containsNode(s.node, isParentCall)) {
        throw new Refuse('this-before-super', 'the constructor uses `this` (or calls the parent conditionally) before calling the parent; `super()` must come first', s.node);
      }
    }
    if (!superCall) throw new Refuse('no-parent-call', 'the constructor never calls the parent; a derived class constructor must call super()', fn.node);
    const others: t.Node[] = [];
    fn.traverse({
      CallExpression(p: NodePath<t.CallExpression>) {
        if (p.node !== superCall!.path.node && isParentCall(p.node)) others.push(p.node);
      },
    });
    if (others.length) throw new Refuse('no-parent-call', 'the parent constructor is called more than once', others[0]);
    c.superCall = superCall;
  }

  protected checkMemberFunction(m: Member): void {
    const fn = m.fn;
    if (fn.node.typeParameters && !m.verbatim) throw new Refuse('typescript-signature', `\`${m.name}\` has type parameters`, fn.node);
    if (fn.isFunctionExpression() && fn.node.id) {
      const own = fn.scope.getOwnBinding(fn.node.id.name);
      if (own && own.kind === 'local' && own.referencePaths.length) {
        throw new Refuse('named-function-expression', `\`${m.name}\` refers to its own name \`${fn.node.id.name}\`, which a method does not bind`, fn.node);
      }
    }
    if (!m.isStatic && m.name === 'constructor') throw new Refuse('prototype-reassigned', 'a prototype member named constructor', m.stmt);
    if (m.isStatic && RESERVED_STATIC.has(m.name)) throw new Refuse('reserved-static', `static \`${m.name}\` would redefine a built-in property of the class`, m.stmt);
    if (m.kind === 'method') {
      // `new obj.m()` works on a function expression, not on a method.
      for (const p of this.memberReads) {
        if (propName(p.node) === m.name && p.parentPath.isNewExpression() && p.parentPath.node.callee === p.node) {
          throw new Refuse('method-used-as-constructor', `\`${m.name}\` is called with new somewhere, which a method does not allow`, p.node);
        }
      }
    }
  }

  /** Comments inside moved statements must land somewhere: in a carried leading comment or inside a moved function. */
  protected checkComments(c: Candidate): void {
    const carried: Array<[number, number]> = [];
    for (const m of c.members) {
      carried.push([this.functionTextStart(m), m.fn.node.end!]);
      if (m.propComment !== undefined) carried.push([m.propComment, m.propStart!]);
    }
    for (const stmt of c.moved) {
      for (const comment of this.commentsIn(stmt.start!, stmt.end!)) {
        if (!carried.some(([a, b]) => comment.start! >= a && comment.end! <= b)) {
          throw new Refuse('comment-would-be-lost', 'a comment inside a member statement has no place in the class', comment);
        }
      }
    }
  }

  protected checkEnumeration(c: Candidate): void {
    for (const loop of this.forInRights) {
      const right = loop.node.right;
      if (right.type === 'ThisExpression') {
        throw new Refuse('enumerates-prototype', 'the file enumerates `this` with for-in, which sees prototype methods but not class methods', loop.node);
      }
      if (right.type === 'Identifier') {
        const b = loop.scope.getBinding(right.name);
        const init = b?.path.isVariableDeclarator() ? b.path.node.init : undefined;
        if (init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === c.name) {
          throw new Refuse('enumerates-prototype', `the file enumerates an instance of ${c.name} with for-in, which sees prototype methods but not class methods`, loop.node);
        }
      }
    }
  }

  /** A TypeScript class needs field declarations for `this.x`; only convert when every `this.x` is a member. */
  protected checkTypeScriptFields(c: Candidate): void {
    const members = new Set(c.members.filter((m) => !m.isStatic).map((m) => m.name));
    const check = (fn: NodePath<t.Function>) => {
      fn.traverse({
        Function(p: NodePath<t.Function>) {
          if (!p.isArrowFunctionExpression()) p.skip();
        },
        MemberExpression(p: NodePath<t.MemberExpression>) {
          if (p.node.object.type !== 'ThisExpression') return;
          const name = propName(p.node);
          if (name === undefined || !members.has(name)) {
            throw new Refuse('typescript-fields', `\`this.${name ?? '[…]'}\` would need a field declaration in a TypeScript class`, p.node);
          }
        },
      });
    };
    check(c.fn);
    for (const m of c.members) if (!m.isStatic) check(m.fn as NodePath<t.Function>);
  }

  protected checkSloppy(c: Candidate): void {
    const fns: NodePath<t.Function>[] = [c.fn, ...c.members.map((m) => m.fn as NodePath<t.Function>)];
    for (const fn of fns) {
      const problem = findStrictProblem(fn);
      if (problem) throw new Refuse(problem.reason, problem.message, problem.node);
    }
    for (const m of c.members) {
      if (m.isStatic || m.kind !== 'method' || !usesOwnThis(m.fn as NodePath<t.Function>)) continue;
      for (const p of this.memberReads) {
        if (propName(p.node) !== m.name || isMemberTarget(p, c)) continue;
        if (isCalledOrBound(p)) continue;
        throw new Refuse('sloppy-detached-method', `\`.${m.name}\` is taken off an object; called bare, its \`this\` would be undefined in a class instead of the global object`, p.node);
      }
    }
  }


  /**
   * A class cannot be called without new, so an exported constructor is public API: refuse it when another file of
   * the package calls or applies it without new (see callers.ts), and when the package is published (no
   * "private": true) unless --allow-public-constructors, since callers may live in other packages.
   */
  protected checkPublicApi(c: Candidate): void {
    if (!c.exported && !c.stmt.isExportNamedDeclaration() && !c.stmt.isExportDefaultDeclaration()) return;
    const abs = this.ctx.absPath ?? nodePath.resolve(this.ctx.path);
    const caller = findCallerWithoutNew(abs, c.name);
    if (caller) {
      const where = nodePath.relative(nodePath.dirname(abs), caller.file) || caller.file;
      throw new Refuse('called-without-new-elsewhere', `exported, and ${where}:${caller.line} calls it without new (\`${caller.text}\`), which throws for a class`, c.fn.node);
    }
    const use = findValueUseElsewhere(abs, c.name, this.traverse);
    if (use) {
      const where = nodePath.relative(nodePath.dirname(abs), use.file) || use.file;
      throw new Refuse(
        'used-as-value-elsewhere',
        `exported, and ${where}:${use.line} ${use.what}${use.text ? ` (\`${use.text}\`)` : ''}: a mixin, copy or enumeration of the prototype or the constructor sees its function members, not a class's methods`,
        c.fn.node,
      );
    }
    if (this.ctx.options.allowPublicConstructors) return;
    const { published, pkg } = isPublished(abs);
    if (published) {
      throw new Refuse(
        'published-api',
        `exported from the published package ${pkg!.json.name ?? nodePath.basename(pkg!.dir)} (package.json has no "private": true): code in other packages may call it without new (\`${c.name}.call(this)\`); --allow-public-constructors converts it`,
        c.fn.node,
      );
    }
  }
}
