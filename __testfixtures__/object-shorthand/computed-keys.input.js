// Computed keys: a method can keep them; `[a]: a` has no shorthand.
var iterable = {
  [Symbol.iterator]: function* () {
    yield* this.items;
  },
  [prefix + 'Handler']: async function (e) { await handle(e); },
  [a]: a,
};
