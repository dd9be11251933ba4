// The guarded part has a call: it runs twice before, and would run once after.
export function f(a, store) {
  if (a.b() && a.b().c) one(); // expect-report: call-in-chain
  if (store.get('user') && store.get('user').name) two(); // expect-report: call-in-chain
  if (next() && next().done) three(); // expect-report: call-in-chain
}
