// Computed keys: a method can keep them; `[a]: a` has no shorthand.
var iterable = {
  *[Symbol.iterator]() {
    yield* this.items;
  },
  async [prefix + 'Handler'](e) { await handle(e); },
  [a]: a,
};
