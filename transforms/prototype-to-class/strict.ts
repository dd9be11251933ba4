import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { hasLegacyOctalEscape } from '../../src/text/escapes.js';

/** Names that are reserved in strict mode code (a class body) but usable as identifiers in sloppy code. */
const STRICT_RESERVED = new Set(['implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield']);

export interface StrictProblem {
  reason: string;
  message: string;
  node: t.Node;
}

/**
 * Looks for code whose meaning changes (or which stops parsing) when it moves from sloppy mode into a class body,
 * which is always strict. `fn` is a function that will move; its own `this` is the method's receiver, but a
 * nested non-arrow function's `this` would turn from the global object into undefined when called bare.
 */
export function findStrictProblem(fn: NodePath<t.Function>): StrictProblem | undefined {
  let problem: StrictProblem | undefined;
  const set = (reason: string, message: string, node: t.Node) => {
    if (!problem) problem = { reason, message, node };
  };
  const checkFunction = (f: NodePath<t.Function>) => {
    const names = new Set<string>();
    for (const p of f.node.params) {
      const id = p.type === 'AssignmentPattern' ? p.left : p.type === 'RestElement' ? p.argument : p;
      if (id.type === 'Identifier') {
        if (names.has(id.name)) set('sloppy-mode', `duplicate parameter \`${id.name}\` is a syntax error in a class body`, p);
        names.add(id.name);
      }
    }
    // In sloppy functions with simple parameters, `arguments[i]` and the parameters alias each other.
    const simple = f.node.params.every((p) => p.type === 'Identifier');
    if (simple && f.node.type !== 'ArrowFunctionExpression' && usesOwnArguments(f)) {
      for (const p of f.node.params) {
        const binding = f.scope.getBinding((p as t.Identifier).name);
        if (binding && binding.constantViolations.length) {
          set('sloppy-mode', `parameter \`${(p as t.Identifier).name}\` is reassigned while \`arguments\` is used (they alias only in sloppy mode)`, p);
        }
      }
    }
  };
  checkFunction(fn);
  fn.traverse({
    Function(p: NodePath<t.Function>) {
      checkFunction(p);
      if (p.isFunctionDeclaration() && !(p.parentPath.isBlockStatement() && p.parentPath.parentPath?.isFunction()) && !p.parentPath.isProgram()) {
        set('sloppy-mode', 'a function declared inside a block is hoisted differently in strict mode', p.node);
      }
    },
    WithStatement(p: NodePath<t.WithStatement>) {
      set('sloppy-mode', '`with` is a syntax error in a class body', p.node);
    },
    ThisExpression(p: NodePath<t.ThisExpression>) {
      // Arrow functions take `this` from outside: the nearest non-arrow function decides what `this` is.
      const owner = p.findParent((q) => q.isFunction() && !q.isArrowFunctionExpression());
      if (owner && owner.node !== fn.node) {
        set('sloppy-this', '`this` in a nested function is the global object in sloppy mode but undefined in a class body when called bare', p.node);
      }
    },
    MemberExpression(p: NodePath<t.MemberExpression>) {
      const prop = p.node.property;
      if (!p.node.computed && prop.type === 'Identifier' && (prop.name === 'callee' || prop.name === 'caller')) {
        if (p.node.object.type === 'Identifier' && p.node.object.name === 'arguments') {
          set('sloppy-mode', `\`arguments.${prop.name}\` throws in a class body`, p.node);
        } else if (prop.name === 'caller') {
          set('sloppy-mode', '`.caller` of a function throws when read from strict code', p.node);
        }
      }
      if (!p.node.computed && prop.type === 'Identifier' && prop.name === 'arguments' && p.node.object.type !== 'ThisExpression') {
        // fn.arguments is poisoned for strict functions
        const obj = p.node.object;
        if (obj.type === 'Identifier' && p.scope.getBinding(obj.name)?.path.isFunction()) {
          set('sloppy-mode', '`.arguments` of a function throws in strict code', p.node);
        }
      }
    },
    UnaryExpression(p: NodePath<t.UnaryExpression>) {
      if (p.node.operator === 'delete' && p.node.argument.type === 'Identifier') {
        set('sloppy-mode', '`delete name` is a syntax error in a class body', p.node);
      }
    },
    NumericLiteral(p: NodePath<t.NumericLiteral>) {
      const raw = (p.node as any).extra?.raw as string | undefined;
      if (raw && /^0[0-9]/.test(raw)) set('sloppy-mode', `legacy octal literal \`${raw}\` is a syntax error in a class body`, p.node);
    },
    StringLiteral(p: NodePath<t.StringLiteral>) {
      const raw = (p.node as any).extra?.raw as string | undefined;
      if (raw && hasLegacyOctalEscape(raw)) set('sloppy-mode', 'octal escape in a string is a syntax error in a class body', p.node);
    },
    Identifier(p: NodePath<t.Identifier>) {
      const name = p.node.name;
      if (STRICT_RESERVED.has(name) && ((p as NodePath).isReferencedIdentifier() || (p as NodePath).isBindingIdentifier())) {
        set('sloppy-mode', `\`${name}\` is a reserved word in a class body`, p.node);
      }
      if ((name === 'eval' || name === 'arguments') && p.isBindingIdentifier()) {
        set('sloppy-mode', `binding \`${name}\` is a syntax error in a class body`, p.node);
      }
    },
    AssignmentExpression(p: NodePath<t.AssignmentExpression>) {
      checkImplicitGlobal(p, p.node.left, set);
    },
    UpdateExpression(p: NodePath<t.UpdateExpression>) {
      checkImplicitGlobal(p, p.node.argument, set);
    },
    ForXStatement(p: NodePath<t.ForXStatement>) {
      checkImplicitGlobal(p, p.node.left, set);
    },
  });
  return problem;
}

function checkImplicitGlobal(p: NodePath, target: t.Node, set: (reason: string, message: string, node: t.Node) => void): void {
  if (target.type !== 'Identifier') return;
  if (target.name === 'eval' || target.name === 'arguments') {
    set('sloppy-mode', `assigning \`${target.name}\` is a syntax error in a class body`, target);
    return;
  }
  if (!p.scope.hasBinding(target.name, { noGlobals: true } as any)) {
    set('sloppy-mode', `assignment to undeclared \`${target.name}\` creates a global in sloppy mode but throws in a class body`, target);
  }
}

function usesOwnArguments(f: NodePath<t.Function>): boolean {
  let found = false;
  f.traverse({
    Function(inner: NodePath<t.Function>) {
      if (!inner.isArrowFunctionExpression()) inner.skip();
    },
    Identifier(p: NodePath<t.Identifier>) {
      if (p.node.name === 'arguments' && p.isReferencedIdentifier()) found = true;
    },
  });
  return found;
}
