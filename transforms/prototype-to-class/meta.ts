import { z } from 'zod';
import { targetOption } from '../../src/target.js';
import { defineMeta } from '../../src/types.js';

/** The transform's meta; its long documentation is README.md beside this module (`remodel describe` reads it). */
export const meta = defineMeta({
  name: 'prototype-to-class',
  description: 'constructor function + prototype methods (+ util.inherits / Object.create inheritance) → class; leaves alone what a class cannot express identically',
  engine: 'file',
  reasons: {
    'not-a-declaration': 'the prototype is built on a function that is not a top-level function declaration',
    'accessor-descriptor': 'a member defined through a descriptor (enumerable, accessor, or not a function) has no class equivalent',
    'apply-arguments': '`apply` with an array-like other than `arguments` (spread needs an iterable)',
    'arrow-method': 'a prototype member is an arrow function: its `this` is not the instance',
    'called-without-new': 'the constructor is called without new (Ctor.call(…) or a plain call)',
    'called-without-new-elsewhere': 'exported, and another file calls it without new',
    'comment-would-be-lost': 'a comment after the last member of the prototype object',
    'compiled-output': 'the file is compiled output (__extends, __esModule, source map): subclasses elsewhere call constructors as `_super.call(this)`',
    'complex-parent': 'the parent is not a plain name or property chain',
    'conditional-member': 'a prototype member is added conditionally, in a loop or from a function',
    'constructor-not-restored': '`prototype.constructor` is not restored after Object.create, so instances report the parent as constructor',
    'constructor-reassigned': 'the constructor is reassigned or redeclared',
    'constructor-returns-value': 'the constructor returns a value',
    'duplicate-member': 'a member is defined more than once',
    'enumerates-prototype': 'the file enumerates `this` with for-in, which sees prototype methods but not class methods',
    escapes: 'the constructor is passed to a function that may call it without new or enumerate it',
    'global-script': 'at the top level of a script a function declaration is a global property, a class is not',
    'method-used-as-constructor': 'a method is called with new somewhere, which a class method does not allow',
    'named-function-expression': 'a member refers to its own function name, which a method does not bind',
    'no-movable-members': 'no member can move into a class body (only data or existing functions are assigned); nothing to gain',
    'no-parent-call': 'the parent is called with another receiver than `this`',
    'parent-defined-later': 'the parent is defined after the constructor; `extends` would read it too early',
    'parent-prototype-replaced': 'the parent\'s prototype is replaced after the class would link to it',
    'prototype-data-property': 'the prototype holds a data property (not a function), which a class body cannot',
    'prototype-reassigned': 'the prototype object is replaced without restoring `constructor`, unlike a class',
    'prototype-used-as-value': 'the prototype is used as a value (mixin, enumeration or copy), where class methods are not enumerable',
    'published-api': 'the constructor is part of a published API that callers may call without new',
    'reserved-static': 'a static member would redefine a built-in property of the class',
    'sloppy-detached-method': 'a method taken off an object and called bare would get undefined `this` in a class (strict)',
    'sloppy-mode': 'assignment to an undeclared name creates a global in sloppy mode but throws in a class body',
    'sloppy-this': '`this` in a nested function is the global object in sloppy mode but undefined in a class body',
    'super-in-method': '`super` in an object literal method refers to Object.prototype, not the parent',
    'this-before-super': 'the constructor uses `this` (or calls the parent conditionally) before calling the parent; `super()` must come first',
    'typescript-fields': '`this.x` would need a field declaration in a TypeScript class',
    'typescript-signature': 'type parameters, a return type or a `this` parameter have no class constructor equivalent',
    'used-before-definition': 'the constructor is used before its definition; a class is not hoisted like a function',
    'used-before-members': 'the constructor is used between the function and its last member; class members would exist earlier',
    'used-as-value-elsewhere': 'exported, and another file copies, enumerates or passes on its prototype or the constructor (mixin, for-in, Object.keys, spread, a helper), which sees function members but not class methods',
    'uses-super_': '`Ctor.super_` (set by util.inherits) is used; a class has no super_',
  },
  version: '1',
  // The callers scan reads the package's other files: a cached result could miss a new caller.
  readsOtherFiles: true,
  options: z.object({
    allowPublicConstructors: z
      .boolean()
      .default(false)
      .describe('also convert constructors exported from a published package (other packages may call them without new)'),
    target: targetOption(),
    looseAccessors: z
      .boolean()
      .default(false)
      .describe('also convert Object.defineProperty accessors that omit configurable (non-configurable), which class accessors are not'),
  }),
  prefilter: (source) => source.includes('prototype') || source.includes('inherits'),
});

export type Options = z.infer<NonNullable<typeof meta.options>>;
