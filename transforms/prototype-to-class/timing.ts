import type { Binding, NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { Checks } from './checks.js';
import { type Candidate, Refuse } from './model.js';
import { isInside, propName } from './syntax.js';

/** Timing: a class exists only from its position on, and its members from the start. */
export class Timing extends Checks {
  protected lastEnd(c: Candidate): number {
    let end = c.fn.node.end!;
    for (const s of [...c.moved, ...c.removed]) end = Math.max(end, s.end!);
    return end;
  }

  protected checkTiming(c: Candidate): void {
    const start = c.stmt.node.start!;
    const last = this.lastEnd(c);
    for (const ref of c.binding.referencePaths) {
      if (c.definitionRefs.has(ref.node) || this.isOwnCode(ref, c) || ref.parentPath?.isExportSpecifier()) continue;
      const at = this.timeOf(ref, c.container);
      if (at < start) throw new Refuse('used-before-definition', `\`${c.name}\` is used before its definition; a class is not hoisted like a function`, ref.node);
      if (at < last) throw new Refuse('used-before-members', `\`${c.name}\` is used between the function and its last member; class members would exist earlier`, ref.node);
    }
    this.checkParentBinding(c);
  }

  protected checkParentBinding(c: Candidate): void {
    const parent = c.parent;
    if (!parent?.root) return;
    const binding = c.fn.parentPath.scope.getBinding(parent.root);
    if (!binding) return;
    const start = c.stmt.node.start!;
    if (binding.kind === 'hoisted') {
      // A plain function parent: its prototype object must not be replaced between the class and the inherits call.
      for (const ref of binding.referencePaths) {
        const m = ref.parentPath;
        if (m?.isMemberExpression() && propName(m.node) === 'prototype' && m.parentPath.isAssignmentExpression() && m.parentPath.node.left === m.node) {
          const at = m.node.start!;
          if (at > start && at < parent.stmt.end!) {
            throw new Refuse('parent-prototype-replaced', `the prototype of ${parent.root} is replaced after the class would link to it`, m.parentPath.node);
          }
        }
      }
      return;
    }
    const declared = binding.path.node.start!;
    if (binding.kind !== 'param' && declared > start) {
      throw new Refuse('parent-defined-later', `\`${parent.root}\` is defined after the constructor; \`extends\` would read it too early`, binding.path.node);
    }
    for (const v of binding.constantViolations) {
      if (v.node.start! > start) throw new Refuse('parent-defined-later', `\`${parent.root}\` is assigned after the constructor; \`extends\` would read it too early`, v.node);
    }
  }

  protected isOwnCode(ref: NodePath, c: Candidate): boolean {
    for (let p: NodePath | null = ref.parentPath; p; p = p.parentPath) {
      if (p.node === c.fn.node) return true;
      if (this.ownerOf.get(p.node) === c) return true;
    }
    return false;
  }

  private readonly earliest = new Map<t.Node, number>();

  /**
   * The earliest point (a source offset) at which code at `ref` can run. Code inside a hoisted function declaration
   * runs no earlier than that function's first mention; code inside a constructor or method of a constructor found
   * here runs no earlier than that constructor's first use; other functions are taken to run where they stand.
   */
  protected timeOf(ref: NodePath, container: NodePath): number {
    let outer: NodePath | undefined;
    let top: NodePath = ref;
    for (let p: NodePath | null = ref.parentPath; p && p.node !== container.node; p = p.parentPath) {
      if (p.isFunction()) outer = p;
      top = p;
    }
    if (outer) {
      const owner = this.ownerOf.get(outer.node) ?? (outer.isFunctionDeclaration() ? this.byBinding.get(this.bindingOfDeclaration(outer)!) : undefined);
      if (owner) return this.earliestUse(owner);
      if (outer.isFunctionDeclaration()) return this.earliestRun(outer);
      return outer.node.start!;
    }
    for (const c of this.candidates) {
      if (c.removed.has(top.node as t.Statement)) return Math.min(ref.node.start!, c.stmt.node.start!);
    }
    return ref.node.start!;
  }

  protected bindingOfDeclaration(fn: NodePath<t.FunctionDeclaration>): Binding | undefined {
    return fn.node.id ? fn.parentPath.scope.getBinding(fn.node.id.name) : undefined;
  }

  protected earliestUse(c: Candidate): number {
    const cached = this.earliest.get(c.fn.node);
    if (cached !== undefined) return cached;
    this.earliest.set(c.fn.node, Infinity);
    let at = Infinity;
    for (const ref of c.binding.referencePaths) {
      if (c.definitionRefs.has(ref.node) || this.isOwnCode(ref, c)) continue;
      at = Math.min(at, this.timeOf(ref, c.container));
    }
    this.earliest.set(c.fn.node, at);
    return at;
  }

  protected earliestRun(fn: NodePath<t.FunctionDeclaration>): number {
    const cached = this.earliest.get(fn.node);
    if (cached !== undefined) return cached;
    this.earliest.set(fn.node, Infinity);
    const binding = this.bindingOfDeclaration(fn);
    let at = Infinity;
    if (!binding || binding.constantViolations.length) at = -Infinity;
    else {
      const container = fn.parentPath.isExportDeclaration() ? fn.parentPath.parentPath! : fn.parentPath;
      for (const ref of binding.referencePaths) {
        if (ref.node === fn.parentPath.node) continue;
        if (isInside(ref, fn.node)) continue;
        at = Math.min(at, this.timeOf(ref, container));
      }
    }
    this.earliest.set(fn.node, at);
    return at;
  }

  /** A constructor whose `X.call(this)` appears outside the super call of a converted subclass must stay a function. */
  protected settleDependencies(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of this.candidates) {
        if (c.failure) continue;
        for (const call of c.callRefs) {
          const child = this.candidates.find((k) => k.superCall?.path.node === call.node);
          if (!child || child.failure) {
            c.failure = {
              reason: 'called-without-new',
              message: `\`${c.name}.${propName(call.node.callee as t.MemberExpression)}(…)\` calls it without new${child ? ` from ${child.name}, which stays a function` : ''}`,
              node: call.node,
            };
            changed = true;
            break;
          }
        }
      }
    }
  }

}
