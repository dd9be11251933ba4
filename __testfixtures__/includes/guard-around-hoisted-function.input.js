// A function declaration is hoisted: `check` can be called before the guard above it has run.
export function f(value) {
  check();
  if (typeof value !== 'string') return;
  function check() {
    return value.indexOf('x') !== -1; // expect-report: unknown-receiver
  }
  check();
}
