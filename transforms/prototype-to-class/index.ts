import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { withTraverse } from '../../src/ast.js';
import { withTarget } from '../../src/target.js';
import type { FileTransformContext } from '../../src/types.js';
import { Emitter } from './emit.js';
import { meta, type Options } from './meta.js';
import { COMPILED_OUTPUT, propName } from './syntax.js';

export { meta };

/*
 * The converter is one class built in layers, a module per phase: source.ts (the file, text helpers), collect.ts
 * (candidates and the statements that make each class), checks.ts (what a class would change: structure, members,
 * strict mode, public API), timing.ts (hoisting), emit.ts (the class text); run() below drives them in order.
 */

async function prototypeToClassUntargeted(ctx: FileTransformContext<Options>): Promise<string | undefined> {
  return withTraverse((traverse) => new Converter(ctx, traverse).run());
}

class Converter extends Emitter {
  run(): string | undefined {
    if (/\.d\.[cm]?ts$/.test(this.ctx.path)) return undefined;
    this.ast = this.ctx.parse();
    const fns: NodePath<t.FunctionDeclaration>[] = [];
    this.traverse(this.ast, {
      FunctionDeclaration: (p: NodePath<t.FunctionDeclaration>) => {
        fns.push(p);
      },
      ForInStatement: (p: NodePath<t.ForInStatement>) => {
        this.forInRights.push(p);
      },
      MemberExpression: (p: NodePath<t.MemberExpression>) => {
        this.memberReads.push(p);
      },
      CallExpression: (p: NodePath<t.CallExpression>) => {
        const callee = p.node.callee;
        if ((callee.type === 'Identifier' && callee.name === 'inherits') || (callee.type === 'MemberExpression' && propName(callee) === 'inherits')) this.inheritsCalls.push(p);
      },
    });
    const directives = this.ast.program.directives ?? [];
    this.strictFile = this.ast.program.sourceType === 'module' || directives.some((d) => d.value.value === 'use strict');
    this.moduleLike =
      this.ast.program.sourceType === 'module' ||
      /\.(mjs|cjs|mts|cts)$/.test(this.ctx.path) ||
      /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[A-Za-z_$]|\bdefine\s*\(/.test(this.source);

    for (const fn of fns) {
      const c = this.candidate(fn);
      if (c) {
        this.candidates.push(c);
        this.byBinding.set(c.binding, c);
      }
    }
    this.reportNonDeclarations();
    if (!this.candidates.length) return undefined;
    if (COMPILED_OUTPUT.test(this.source)) {
      // Subclasses compiled the same way (in other files) call the constructor as `_super.call(this)`.
      for (const c of this.candidates) {
        c.failure = {
          reason: 'compiled-output',
          message: 'the file is compiled output (source map, __extends, __esModule): subclasses elsewhere call constructors as `_super.call(this)`, which throws for a class; convert the source instead',
          node: c.fn.node,
        };
      }
    }
    for (const c of this.candidates) if (!c.failure) this.guard(c, () => this.analyse(c));
    for (const c of this.candidates) if (!c.failure) this.guard(c, () => this.checkTiming(c));
    for (const c of this.candidates) if (!c.failure) this.guard(c, () => this.checkPublicApi(c));
    this.settleDependencies();

    const edits = this.ctx.edits();
    for (const c of this.candidates) {
      if (c.failure) {
        this.ctx.report(`${c.name} kept as a constructor function: ${c.failure.message}`, c.failure.node, c.failure.reason);
        continue;
      }
      this.emit(c, edits);
    }
    return edits.size ? edits.apply() : undefined;
  }
}

/** The target (--target, else engines.node) must run class: else the file stays as it is, reason `target`. */
export default withTarget('class', prototypeToClassUntargeted);
