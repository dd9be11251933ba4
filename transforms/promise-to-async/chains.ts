import type * as t from '@babel/types';
import type { Chain } from './types.js';

const STEP_METHODS = new Set(['then', 'catch', 'finally']);

/** Methods only promise libraries have (bluebird, Q, jQuery deferreds). */
const LIBRARY_METHODS = new Set([
  'spread', 'tap', 'tapCatch', 'asCallback', 'nodeify', 'done', 'fail', 'fin', 'always', 'progress', 'thenReturn',
  'thenThrow', 'catchReturn', 'catchThrow', 'reflect', 'caught', 'lastly', 'return', 'throw', 'delay', 'timeout',
  'isFulfilled', 'isRejected', 'isPending', 'suppressUnhandledRejections',
]);

/** Collection helpers that are library-specific only when called on a promise step's result. */
const LIBRARY_ON_PROMISE = new Set(['map', 'mapSeries', 'filter', 'reduce', 'each', 'props', 'all', 'any', 'some', 'race', 'get', 'call', 'bind']);

export const PROMISE_LIBRARIES = /^(bluebird|q|when|rsvp|kew|promise|es6-promise|native-or-bluebird|pinkie-promise|lie|vow)(\/.*)?$/;

export const isStepCall = (n: t.Node | null | undefined): boolean =>
  !!n &&
  n.type === 'CallExpression' &&
  n.callee.type === 'MemberExpression' &&
  !n.callee.computed &&
  n.callee.property.type === 'Identifier' &&
  STEP_METHODS.has(n.callee.property.name);

export const methodName = (call: t.CallExpression): string => ((call.callee as t.MemberExpression).property as t.Identifier).name;

export function chainOf(call: t.CallExpression): Chain {
  const steps: t.CallExpression[] = [];
  let cur: t.Expression = call;
  while (isStepCall(cur)) {
    steps.unshift(cur as t.CallExpression);
    cur = ((cur as t.CallExpression).callee as t.MemberExpression).object as t.Expression;
  }
  return { head: cur, steps };
}

/** A library-only method anywhere along the callee spine of an expression (`p.then(a).spread(b)`). */
export function libraryMethodIn(expr: t.Node): t.Node | undefined {
  let cur: t.Node = expr;
  while (cur.type === 'CallExpression' || cur.type === 'MemberExpression') {
    if (cur.type === 'CallExpression') {
      const callee = cur.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
        const name = callee.property.name;
        const obj: t.Node = callee.object;
        if (LIBRARY_METHODS.has(name) && obj.type === 'CallExpression') return cur;
        if (LIBRARY_ON_PROMISE.has(name) && isStepCall(obj)) return cur;
      }
      cur = callee;
    } else cur = cur.object;
  }
  return undefined;
}

/** Returns whether a returned expression looks like a promise chain (`x.then(...)`) or a library chain around one. */
export function returnedChain(expr: t.Node | null | undefined): t.CallExpression | undefined {
  if (!expr || expr.type !== 'CallExpression') return undefined;
  if (isStepCall(expr)) return expr;
  // `p.then(a).spread(b)`: not a standard chain at the top, but one is inside
  let cur: t.Node = expr;
  while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression') {
    const next: t.Node = cur.callee.object;
    if (isStepCall(next)) return libraryMethodIn(expr) ? expr : undefined;
    cur = next;
  }
  return undefined;
}
