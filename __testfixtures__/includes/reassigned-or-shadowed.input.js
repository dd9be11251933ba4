// Proof needs the binding to keep its value, and the builtins to be the real ones.
let items = [];
items = load();
export const a = items.indexOf('x') !== -1; // expect-report: unknown-receiver

function b(v) {
  if (typeof v === 'string') {
    v = v.length ? v : null; // reassigned after the guard
    return v.indexOf('x') !== -1; // expect-report: unknown-receiver
  }
}

function c(v) {
  const Array = { isArray: () => true, from: (x) => x }; // shadows the builtin
  if (Array.isArray(v) && v.indexOf('x') !== -1) return 1; // expect-report: unknown-receiver
  const String = (x) => x;
  return String(v).indexOf('y') !== -1; // expect-report: unknown-receiver
}
