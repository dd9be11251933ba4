// The value itself is used: `count && count.value` is 0 when count is 0, `count?.value` is undefined;
// `a && a.b` is null when a is null; `a != null && a.b` is false.
export function f(count, a, items) {
  const n = count && count.value; // expect-report: falsy-not-nullish
  const label = <span>{items && items.length}</span>; // React renders the 0. expect-report: falsy-not-nullish
  const b = a != null && a.b; // expect-report: value-context
  send(a && a.b); // expect-report: falsy-not-nullish
  return a && a.b; // expect-report: falsy-not-nullish
}
