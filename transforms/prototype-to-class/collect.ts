import type { NodePath } from '@babel/traverse';
import type * as t from '@babel/types';
import { type Candidate, type Container, type Member, Refuse, RESERVED_STATIC } from './model.js';
import { SourceText } from './source.js';
import { chainText, containsSuper, isConstructorDescriptor, isIdentifierName, isInside, isExportUse, isObjectCall, isRequireOf, keyName, keyText, propName, rootName, UTIL } from './syntax.js';

/** Finding candidates, and reading every use of a candidate's name: the statements that make the class. */
export class Collector extends SourceText {
  /**
   * Prototypes built, and parents given, on something other than a candidate function declaration (`var Cookie =
   * module.exports = function Cookie() {}; Cookie.prototype = {…}`, `util.inherits(Store, EventEmitter)` on a
   * `var Store = function () {}`, `Object.defineProperty(X.prototype, …)`, a function declaration inside an `if`):
   * looked at, left alone, reported once per name.
   */
  protected reportNonDeclarations(): void {
    const seen = new Set<string>(this.candidates.map((c) => c.name));
    for (const p of this.memberReads) {
      const node = p.node;
      if (propName(node) !== 'prototype') continue;
      let target: NodePath = p;
      if (p.parentPath.isMemberExpression() && p.parentPath.node.object === node) target = p.parentPath;
      const assign = target.parentPath;
      const call = p.parentPath;
      if (assign?.isAssignmentExpression() && assign.node.left === target.node) this.reportBuiltOn(node.object, p, assign.node, 'its prototype is built here', seen);
      else if (call.isCallExpression() && call.node.arguments[0] === node && (isObjectCall(call.node, 'defineProperty') || isObjectCall(call.node, 'defineProperties'))) {
        this.reportBuiltOn(node.object, p, call.node, 'its prototype is given properties here', seen);
      }
    }
    for (const call of this.inheritsCalls) {
      if (this.isInheritsCall(call)) this.reportBuiltOn(call.node.arguments[0], call, call.node, 'it is given a parent here', seen);
    }
  }

  /** One not-a-declaration report for `subject` (a name, or a property chain on `exports`, `module` or a local). */
  private reportBuiltOn(subject: t.Node, at: NodePath, site: t.Node, what: string, seen: Set<string>): void {
    const name = chainText(subject);
    if (name === undefined || seen.has(name)) return;
    const root = rootName(subject)!;
    const binding = at.scope.getBinding(root);
    let kind: string;
    if (subject.type !== 'Identifier') {
      // A property of a global (`window.Foo.prototype`) is not this file's to judge; `exports.Foo` is.
      if (!binding && root !== 'exports' && root !== 'module') return;
      kind = 'a property, not a declared name';
    } else {
      if (!binding) return; // a global (Array.prototype.x = …): not this file's constructor
      kind = bindingKind(binding.path, binding.kind);
    }
    seen.add(name);
    this.ctx.report(`${name} kept: ${what}, but ${name} is ${kind}; only function declarations at the top of a file or function become classes`, site, 'not-a-declaration');
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Finding candidates

  /** A function declaration in a statement list whose prototype is built or which is given a parent. */
  protected candidate(fn: NodePath<t.FunctionDeclaration>): Candidate | undefined {
    const node = fn.node;
    if (!node.id || node.async || node.generator || (node as any).declare || !node.body) return undefined;
    let stmt: NodePath<t.Statement> = fn;
    if (fn.parentPath.isExportNamedDeclaration() || fn.parentPath.isExportDefaultDeclaration()) stmt = fn.parentPath;
    const container = stmt.parentPath;
    if (!container) return undefined;
    if (!container.isProgram() && !(container.isBlockStatement() && container.parentPath.isFunction())) return undefined;
    const binding = stmt.parentPath!.scope.getBinding(node.id.name);
    if (!binding || binding.identifier !== node.id) return undefined;
    const isSignal = (ref: NodePath) => {
      const parent = ref.parentPath;
      if (parent?.isMemberExpression() && parent.node.object === ref.node && propName(parent.node) === 'prototype') return true;
      return Boolean(parent?.isCallExpression() && parent.node.arguments[0] === ref.node && this.isInheritsCall(parent as NodePath<t.CallExpression>));
    };
    if (!binding.referencePaths.some(isSignal)) return undefined;
    const body = (container.node as t.Program | t.BlockStatement).body;
    return {
      name: node.id.name,
      fn,
      stmt,
      container: container as Container,
      index: body.indexOf(stmt.node),
      binding,
      members: [],
      moved: new Set(),
      removed: new Set(),
      kept: new Set(),
      definitionRefs: new Set(),
      callRefs: [],
    };
  }

  /** `util.inherits(...)`, `require('util').inherits(...)`, `inherits(...)` bound to util's or the `inherits` package. */
  protected isInheritsCall(call: NodePath<t.CallExpression>): boolean {
    const callee = call.node.callee;
    if (call.node.arguments.length !== 2) return false;
    if (callee.type === 'MemberExpression' && propName(callee) === 'inherits') {
      const obj = callee.object;
      if (isRequireOf(obj, UTIL)) return true;
      if (obj.type === 'Identifier') return this.boundTo(call, obj.name, 'module');
      return false;
    }
    if (callee.type === 'Identifier' && callee.name === 'inherits') return this.boundTo(call, 'inherits', 'inherits');
    return false;
  }

  /** Whether `name` is bound to the util module (`module`) or to an `inherits` function (`inherits`). */
  protected boundTo(at: NodePath, name: string, what: 'module' | 'inherits'): boolean {
    const binding = at.scope.getBinding(name);
    if (!binding) return false;
    const p = binding.path;
    if (p.isVariableDeclarator()) {
      const init = p.node.init;
      if (!init || binding.constantViolations.length) return false;
      if (what === 'module') return isRequireOf(init, UTIL);
      if (p.node.id.type === 'Identifier') {
        return isRequireOf(init, ['inherits']) || (init.type === 'MemberExpression' && propName(init) === 'inherits' && isRequireOf(init.object, UTIL));
      }
      return p.node.id.type === 'ObjectPattern' && isRequireOf(init, UTIL);
    }
    if (p.isImportDefaultSpecifier() || p.isImportNamespaceSpecifier()) {
      const from = (p.parentPath!.node as t.ImportDeclaration).source.value;
      return what === 'module' ? UTIL.includes(from) : from === 'inherits';
    }
    if (p.isImportSpecifier()) {
      const from = (p.parentPath!.node as t.ImportDeclaration).source.value;
      const imported = p.node.imported.type === 'Identifier' ? p.node.imported.name : p.node.imported.value;
      return what === 'inherits' && imported === 'inherits' && UTIL.includes(from);
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Structure: which statements make the class, and whether each use is compatible with a class

  protected topStatement(c: Candidate, p: NodePath): { stmt: t.Statement; index: number } | undefined {
    const stmt = p.parentPath;
    if (!stmt?.isExpressionStatement() || stmt.parentPath.node !== c.container.node) return undefined;
    const index = (c.container.node.body as t.Statement[]).indexOf(stmt.node);
    return { stmt: stmt.node, index };
  }

  /** The statement after the constructor that `assignOrCall` forms, or a refusal explaining why it cannot move. */
  protected memberStatement(c: Candidate, assignOrCall: NodePath, what: string): t.Statement {
    const top = this.topStatement(c, assignOrCall);
    if (!top) throw new Refuse('conditional-member', `${what} is added conditionally, in a loop or from a function`, assignOrCall.node);
    if (top.index < c.index) throw new Refuse('used-before-definition', `${what} is set before the constructor function, where a class would not exist yet`, assignOrCall.node);
    return top.stmt;
  }

  /** One reference to the constructor's name. */
  protected classify(c: Candidate, ref: NodePath): void {
    const parent = ref.parentPath!;
    const node = ref.node;
    const name = c.name;
    if (parent.isNewExpression() && parent.node.callee === node) return;
    if (parent.isBinaryExpression() && parent.node.operator === 'instanceof' && parent.node.right === node) {
      if (parent.node.left.type === 'ThisExpression' && isInside(ref, c.fn.node)) {
        throw new Refuse('called-without-new', `the constructor checks \`this instanceof ${name}\`, a sign it is called without new`, parent.node);
      }
      return;
    }
    if (parent.isCallExpression() && parent.node.callee === node) {
      throw new Refuse('called-without-new', `\`${name}(…)\` is called without new, which throws for a class`, parent.node);
    }
    if (parent.isCallExpression() && parent.node.arguments.includes(node as t.Expression)) {
      const call = parent as NodePath<t.CallExpression>;
      const index = call.node.arguments.indexOf(node as t.Expression);
      if (this.isInheritsCall(call)) {
        if (index === 0) return this.inheritance(c, call, call.node.arguments[1], 'inherits', ref);
        return; // parent of another constructor
      }
      if (index === 0 && isObjectCall(call.node, 'defineProperty')) return this.accessorStatement(c, call, true, ref);
      // Error.captureStackTrace(err, X) only compares X with the frames on the stack.
      if (index === 1 && chainText(call.node.callee) === 'Error.captureStackTrace') return;
      throw new Refuse('escapes', `\`${name}\` is passed to a function that may call it without new or enumerate it`, call.node);
    }
    if (parent.isMemberExpression() && parent.node.object === node) {
      const prop = propName(parent.node);
      if (prop === 'prototype') return this.classifyPrototype(c, parent as NodePath<t.MemberExpression>, ref);
      if (prop === 'super_') return this.classifySuper(c, parent as NodePath<t.MemberExpression>);
      if (prop === 'call' || prop === 'apply') {
        const call = parent.parentPath;
        if (call?.isCallExpression() && call.node.callee === parent.node) {
          c.callRefs.push(call);
          return;
        }
        throw new Refuse('called-without-new', `\`${name}.${prop}\` is used as a value`, parent.node);
      }
      if (prop === 'bind') throw new Refuse('called-without-new', `\`${name}.bind\` makes a function that may be called without new`, parent.node);
      const assign = parent.parentPath;
      if (prop !== undefined && assign?.isAssignmentExpression() && assign.node.left === parent.node && assign.node.operator === '=') {
        return this.staticAssignment(c, assign, prop, ref);
      }
      return; // reading a static member
    }
    if (this.isConstructorValue(c, ref)) {
      c.definitionRefs.add(node);
      return;
    }
    if (isExportUse(ref)) {
      c.exported = true;
      return;
    }
    // `return X;` at the end of a wrapper function publishes it, as an export does.
    if (parent.isReturnStatement() && parent.parentPath.node === c.container.node) return;
    throw new Refuse('escapes', `\`${name}\` is stored or passed where it may be called without new`, node);
  }

  /**
   * `X` as the restored constructor: `X.prototype.constructor = X`, `constructor: X` in a prototype literal, or
   * `value: X` in the descriptor given to Object.create (checked where those statements are read).
   */
  protected isConstructorValue(c: Candidate, ref: NodePath): boolean {
    const parent = ref.parentPath!;
    if (parent.isAssignmentExpression() && parent.node.right === ref.node) {
      const left = parent.node.left;
      return left.type === 'MemberExpression' && propName(left) === 'constructor' && chainText(left.object) === `${c.name}.prototype`;
    }
    if (!parent.isObjectProperty() || parent.node.value !== ref.node) return false;
    const key = keyName(parent.node.key);
    const obj = parent.parentPath!;
    if (key === 'constructor') {
      const assign = obj.parentPath;
      return Boolean(assign?.isAssignmentExpression() && assign.node.right === obj.node && chainText(assign.node.left) === `${c.name}.prototype`);
    }
    if (key === 'value') {
      const create = obj.parentPath?.parentPath?.parentPath;
      const assign = create?.parentPath;
      return Boolean(create?.isCallExpression() && isObjectCall(create.node, 'create') && assign?.isAssignmentExpression() && chainText(assign.node.left) === `${c.name}.prototype`);
    }
    return false;
  }

  protected staticAssignment(c: Candidate, assign: NodePath<t.AssignmentExpression>, prop: string, ref: NodePath): void {
    const top = this.topStatement(c, assign);
    const value = assign.node.right;
    if (!top) return; // a runtime assignment to a static property works the same on a class
    if (top.index < c.index) throw new Refuse('used-before-definition', `\`${c.name}.${prop}\` is set before the constructor function`, assign.node);
    c.definitionRefs.add(ref.node);
    if (value.type === 'ArrowFunctionExpression') {
      throw new Refuse('arrow-method', `\`${c.name}.${prop}\` is an arrow function (its \`this\` is not the class)`, value);
    }
    if (value.type !== 'FunctionExpression' || (assign.node.left as t.MemberExpression).computed && (assign.node.left as t.MemberExpression).property.type !== 'StringLiteral') {
      c.kept.add(top.stmt);
      return;
    }
    if (RESERVED_STATIC.has(prop)) throw new Refuse('reserved-static', `static \`${prop}\` would redefine a built-in property of the class`, assign.node);
    this.addMember(c, {
      kind: 'method',
      isStatic: true,
      name: prop,
      keyText: keyText(assign.node.left as t.MemberExpression, this.source),
      fn: assign.get('right') as NodePath<t.FunctionExpression>,
      stmt: top.stmt,
    });
    c.moved.add(top.stmt);
  }

  protected addMember(c: Candidate, m: Member): void {
    c.members.push(m);
  }

  protected classifyPrototype(c: Candidate, proto: NodePath<t.MemberExpression>, ref: NodePath): void {
    const name = c.name;
    const outer = proto.parentPath!;
    // X.prototype.m
    if (outer.isMemberExpression() && outer.node.object === proto.node) {
      const prop = propName(outer.node);
      const assign = outer.parentPath;
      if (!assign?.isAssignmentExpression() || assign.node.left !== outer.node) return; // a read, or a mutation of a method
      if (assign.node.operator !== '=') return;
      if (prop === undefined) {
        const top = this.topStatement(c, assign);
        if (!top) throw new Refuse('conditional-member', 'a member with a computed name is added conditionally or from a function', assign.node);
        if (top.index < c.index) throw new Refuse('used-before-definition', 'a prototype member is set before the constructor function', assign.node);
        c.definitionRefs.add(ref.node);
        c.kept.add(top.stmt); // computed keys keep their assignment
        return;
      }
      const what = `\`${name}.prototype.${prop}\``;
      const stmt = this.memberStatement(c, assign, what);
      c.definitionRefs.add(ref.node);
      const value = assign.node.right;
      if (prop === 'constructor') {
        if (value.type === 'Identifier' && value.name === name) {
          c.ctorFix = stmt;
          c.removed.add(stmt);
          return;
        }
        throw new Refuse('prototype-reassigned', `${what} is set to something else than ${name}`, assign.node);
      }
      if (value.type === 'ArrowFunctionExpression') {
        throw new Refuse('arrow-method', `${what} is an arrow function: its \`this\` is not the instance`, value);
      }
      if (value.type !== 'FunctionExpression') {
        c.kept.add(stmt);
        return;
      }
      this.addMember(c, {
        kind: 'method',
        isStatic: false,
        name: prop,
        keyText: keyText(outer.node, this.source),
        fn: assign.get('right') as NodePath<t.FunctionExpression>,
        stmt,
      });
      c.moved.add(stmt);
      return;
    }
    // X.prototype = …
    if (outer.isAssignmentExpression() && outer.node.left === proto.node) {
      if (outer.node.operator !== '=') throw new Refuse('prototype-reassigned', `\`${name}.prototype\` is reassigned`, outer.node);
      const top = this.topStatement(c, outer);
      if (!top || top.index < c.index) throw new Refuse('prototype-reassigned', `\`${name}.prototype\` is reassigned at run time`, outer.node);
      const value = outer.node.right;
      c.definitionRefs.add(ref.node);
      if (value.type === 'CallExpression' && isObjectCall(value, 'create') && value.arguments.length >= 1) {
        const arg = value.arguments[0];
        if (arg.type === 'MemberExpression' && propName(arg) === 'prototype') {
          return this.inheritance(c, outer, arg.object, 'create', ref, value.arguments[1]);
        }
      }
      if (value.type === 'ObjectExpression') return this.prototypeLiteral(c, outer as NodePath<t.AssignmentExpression>, top.stmt);
      throw new Refuse('prototype-reassigned', `\`${name}.prototype\` is replaced by a value a class cannot express`, outer.node);
    }
    // Object.defineProperty(X.prototype, …) / Object.defineProperties(X.prototype, …)
    if (outer.isCallExpression() && outer.node.arguments[0] === proto.node && (isObjectCall(outer.node, 'defineProperty') || isObjectCall(outer.node, 'defineProperties'))) {
      return this.accessorStatement(c, outer as NodePath<t.CallExpression>, false, ref);
    }
    // Object.create(X.prototype) for a subclass
    if (outer.isCallExpression() && outer.node.arguments[0] === proto.node && isObjectCall(outer.node, 'create')) return;
    throw new Refuse('prototype-used-as-value', `\`${name}.prototype\` is used as a value (mixin, enumeration or copy), where class methods are not enumerable`, proto.node);
  }

  protected classifySuper(c: Candidate, member: NodePath<t.MemberExpression>): void {
    const call = member.parentPath?.parentPath;
    const callee = member.parentPath;
    if (
      callee?.isMemberExpression() &&
      callee.node.object === member.node &&
      (propName(callee.node) === 'call' || propName(callee.node) === 'apply') &&
      call?.isCallExpression() &&
      call.node.callee === callee.node &&
      isInside(call, c.fn.node)
    ) {
      return; // checked as the constructor's parent call
    }
    throw new Refuse('uses-super_', `\`${c.name}.super_\` (set by util.inherits) is used; a class has no super_`, member.node);
  }

  protected inheritance(c: Candidate, at: NodePath, parentExpr: t.Node, via: 'inherits' | 'create', ref: NodePath, descriptor?: t.Node): void {
    const stmt = this.memberStatement(c, at, 'the parent');
    c.definitionRefs.add(ref.node);
    if (c.parent) throw new Refuse('prototype-reassigned', 'the parent is set twice', at.node);
    const text = chainText(parentExpr);
    if (!text) throw new Refuse('complex-parent', 'the parent is not a plain name or property chain', parentExpr);
    if (text === c.name) throw new Refuse('complex-parent', 'the constructor inherits from itself', parentExpr);
    let createHasDescriptor = false;
    if (descriptor) {
      if (!isConstructorDescriptor(descriptor, c.name)) throw new Refuse('prototype-reassigned', 'Object.create is given property descriptors a class cannot express', descriptor);
      createHasDescriptor = true;
    }
    c.parent = { text, root: rootName(parentExpr), stmt, via, createHasDescriptor };
    c.removed.add(stmt);
  }

  /** `X.prototype = { constructor: X, m: function () {}, n() {} }`. */
  protected prototypeLiteral(c: Candidate, assign: NodePath<t.AssignmentExpression>, stmt: t.Statement): void {
    if (c.literal) throw new Refuse('prototype-reassigned', 'the prototype is replaced twice', assign.node);
    const obj = assign.get('right') as NodePath<t.ObjectExpression>;
    let hasConstructor = false;
    let cursor = obj.node.start! + 1;
    for (const prop of obj.get('properties')) {
      const node = prop.node;
      const propComment = this.leadingCommentStart(cursor, node.start!);
      const propStart = node.start!;
      cursor = node.end!;
      if (prop.isSpreadElement()) throw new Refuse('prototype-reassigned', 'the prototype object spreads another object', node);
      const p = node as t.ObjectProperty | t.ObjectMethod;
      const name = p.computed ? (p.key.type === 'StringLiteral' ? p.key.value : undefined) : keyName(p.key);
      if (name === undefined) throw new Refuse('prototype-reassigned', 'the prototype object has a computed key', node);
      if (prop.isObjectProperty()) {
        const value = prop.node.value;
        if (name === 'constructor') {
          if (value.type !== 'Identifier' || value.name !== c.name) throw new Refuse('prototype-reassigned', '`constructor` in the prototype object is not the function', node);
          hasConstructor = true;
          continue;
        }
        if (value.type === 'ArrowFunctionExpression') throw new Refuse('arrow-method', `\`${name}\` is an arrow function: its \`this\` is not the instance`, value);
        if (value.type !== 'FunctionExpression') throw new Refuse('prototype-data-property', `\`${name}\` in the prototype object is not a function; a class body cannot hold a prototype data property`, node);
        if (prop.node.shorthand) throw new Refuse('prototype-data-property', `\`${name}\` is shorthand for a variable`, node);
        this.addMember(c, {
          kind: 'method',
          isStatic: false,
          name,
          keyText: p.computed ? `[${this.source.slice(p.key.start!, p.key.end!)}]` : this.source.slice(p.key.start!, p.key.end!),
          fn: prop.get('value') as NodePath<t.FunctionExpression>,
          stmt,
          propComment,
          propStart,
        });
      } else if (prop.isObjectMethod()) {
        if (name === 'constructor') throw new Refuse('prototype-reassigned', 'a `constructor` method in the prototype object', node);
        if (containsSuper(prop)) throw new Refuse('super-in-method', '`super` in an object literal method refers to Object.prototype, not the parent', node);
        this.addMember(c, {
          kind: prop.node.kind === 'get' ? 'get' : prop.node.kind === 'set' ? 'set' : 'method',
          isStatic: false,
          name,
          keyText: '',
          fn: prop as NodePath<t.ObjectMethod>,
          stmt,
          propComment,
          propStart,
          verbatim: true,
        });
      }
    }
    if (!hasConstructor) {
      throw new Refuse('prototype-reassigned', 'the prototype object has no `constructor: ' + c.name + '`, so instances report Object as constructor, unlike a class', assign.node);
    }
    const tail = this.commentsIn(cursor, obj.node.end!);
    if (tail.length) throw new Refuse('comment-would-be-lost', 'a comment after the last member of the prototype object', tail[0]);
    c.literal = stmt;
    c.moved.add(stmt);
  }

  /** `Object.defineProperty(X.prototype, 'p', { get, set, enumerable, configurable })` and defineProperties. */
  protected accessorStatement(c: Candidate, call: NodePath<t.CallExpression>, isStatic: boolean, ref: NodePath): void {
    const stmt = this.memberStatement(c, call, isStatic ? `a static property of ${c.name}` : `a property of ${c.name}.prototype`);
    c.definitionRefs.add(ref.node);
    const args = call.get('arguments');
    const entries: Array<{ name: string; keyText: string; descriptor: NodePath }> = [];
    if (isObjectCall(call.node, 'defineProperty')) {
      const key = args[1]?.node;
      if (args.length !== 3 || key?.type !== 'StringLiteral') throw new Refuse('accessor-descriptor', 'defineProperty with a key that is not a string literal', call.node);
      entries.push({ name: key.value, keyText: isIdentifierName(key.value) ? key.value : this.source.slice(key.start!, key.end!), descriptor: args[2] });
    } else {
      if (args.length !== 2 || !args[1].isObjectExpression()) throw new Refuse('accessor-descriptor', 'defineProperties with descriptors that are not an object literal', call.node);
      for (const prop of (args[1] as NodePath<t.ObjectExpression>).get('properties')) {
        if (!prop.isObjectProperty() || prop.node.computed) throw new Refuse('accessor-descriptor', 'defineProperties with a computed or spread entry', prop.node);
        const name = keyName(prop.node.key);
        if (name === undefined) throw new Refuse('accessor-descriptor', 'defineProperties with an unusual key', prop.node);
        entries.push({ name, keyText: this.source.slice(prop.node.key.start!, prop.node.key.end!), descriptor: prop.get('value') as NodePath });
      }
    }
    for (const entry of entries) {
      for (const m of this.descriptorMembers(c, entry.name, entry.keyText, entry.descriptor, isStatic, stmt)) this.addMember(c, m);
    }
    c.moved.add(stmt);
  }

  protected descriptorMembers(c: Candidate, name: string, key: string, descriptor: NodePath, isStatic: boolean, stmt: t.Statement): Member[] {
    const where = `\`${isStatic ? c.name : c.name + '.prototype'}.${name}\``;
    if (!descriptor.isObjectExpression()) throw new Refuse('accessor-descriptor', `the descriptor of ${where} is not an object literal`, descriptor.node);
    const out: Member[] = [];
    let enumerable: boolean | undefined;
    let configurable: boolean | undefined;
    let writable: boolean | undefined;
    let hasValue = false;
    let cursor = descriptor.node.start! + 1;
    for (const prop of descriptor.get('properties')) {
      const propComment = this.leadingCommentStart(cursor, prop.node.start!);
      const propStart = prop.node.start!;
      cursor = prop.node.end!;
      const pname = !prop.isSpreadElement() && !(prop.node as t.ObjectProperty).computed ? keyName((prop.node as t.ObjectProperty).key) : undefined;
      if (prop.isObjectProperty() && (pname === 'enumerable' || pname === 'configurable' || pname === 'writable')) {
        const v = prop.node.value;
        if (v.type !== 'BooleanLiteral') throw new Refuse('accessor-descriptor', `\`${pname}\` of ${where} is not a literal`, v);
        if (pname === 'enumerable') enumerable = v.value;
        else if (pname === 'configurable') configurable = v.value;
        else writable = v.value;
        continue;
      }
      if ((pname === 'get' || pname === 'set' || pname === 'value') && prop.isObjectProperty()) {
        const v = prop.node.value;
        if (v.type === 'ArrowFunctionExpression') throw new Refuse('arrow-method', `${where} is an arrow function: its \`this\` is not the instance`, v);
        if (v.type !== 'FunctionExpression') {
          throw new Refuse(pname === 'value' ? 'prototype-data-property' : 'accessor-descriptor', `${pname} of ${where} is not a function expression`, v);
        }
        if (pname === 'value') hasValue = true;
        out.push({ kind: pname === 'value' ? 'method' : pname, isStatic, name, keyText: key, fn: prop.get('value') as NodePath<t.FunctionExpression>, stmt, propComment, propStart });
        continue;
      }
      if ((pname === 'get' || pname === 'set') && prop.isObjectMethod() && prop.node.kind === 'method') {
        if (containsSuper(prop)) throw new Refuse('super-in-method', '`super` in a descriptor method', prop.node);
        out.push({ kind: pname, isStatic, name, keyText: key, fn: prop as NodePath<t.ObjectMethod>, stmt, propComment, propStart });
        continue;
      }
      throw new Refuse('accessor-descriptor', `the descriptor of ${where} has a part a class cannot express`, prop.node);
    }
    if (!out.length) throw new Refuse('accessor-descriptor', `the descriptor of ${where} defines neither a getter, a setter nor a method`, descriptor.node);
    if (hasValue && out.length > 1) throw new Refuse('accessor-descriptor', `the descriptor of ${where} mixes value and accessors`, descriptor.node);
    if (enumerable) throw new Refuse('accessor-descriptor', `${where} is enumerable, class members are not`, descriptor.node);
    const configurableOk = configurable === true || (this.ctx.options.looseAccessors === true && configurable === undefined);
    if (!configurableOk) throw new Refuse('accessor-descriptor', `${where} is not configurable, class members are`, descriptor.node);
    if (hasValue && writable !== true) throw new Refuse('accessor-descriptor', `${where} is not writable, class methods are`, descriptor.node);
    if (!hasValue && writable !== undefined) throw new Refuse('accessor-descriptor', `${where} mixes writable with accessors`, descriptor.node);
    for (const m of out) {
      const params = m.fn.node.params;
      if (m.fn.node.async || m.fn.node.generator) {
        if (m.kind !== 'method') throw new Refuse('accessor-descriptor', `the ${m.kind}ter of ${where} is async or a generator`, m.fn.node);
      }
      if (m.kind === 'get' && params.length) throw new Refuse('accessor-descriptor', `the getter of ${where} takes parameters`, m.fn.node);
      if (m.kind === 'set' && (params.length !== 1 || params[0].type === 'RestElement')) throw new Refuse('accessor-descriptor', `the setter of ${where} does not take exactly one parameter`, m.fn.node);
    }
    return out;
  }

}

/** What a name that is not a candidate is bound to, for the not-a-declaration report. */
function bindingKind(p: NodePath, kind: string): string {
  if (p.isFunctionDeclaration()) {
    if (p.node.async || p.node.generator) return 'an async or generator function';
    if (!p.node.body || (p.node as { declare?: boolean }).declare) return 'a declaration without a body';
    const container = p.parentPath.isExportDeclaration() ? p.parentPath.parentPath : p.parentPath;
    if (!container?.isProgram() && !(container?.isBlockStatement() && container.parentPath.isFunction())) return 'a function declaration inside a block or statement';
    return 'a function declaration that is declared more than once';
  }
  if (p.isClassDeclaration()) return 'a class already';
  if (p.isVariableDeclarator()) return 'a function expression or other value held in a variable';
  if (kind === 'param') return 'a parameter';
  if (kind === 'module') return 'an imported binding';
  return `a ${kind} binding`;
}
