// Annotations that prove nothing: any, unknown, type parameters, other classes; and number[] searched with a number.
import type { List } from 'immutable';
export function f<T>(a: any, b: unknown, c: T, d: List<string>, e: number[], n: number, s: string) {
  if (a.indexOf(s) !== -1) return 1; // expect-report: unknown-receiver
  if ((b as any).indexOf(s) !== -1) return 2; // expect-report: unknown-receiver
  if ((c as unknown as T).indexOf(s) !== -1) return 3; // expect-report: unknown-receiver
  if (d.indexOf(s) !== -1) return 4; // expect-report: unknown-receiver
  return e.indexOf(n) !== -1; // expect-report: maybe-nan
}
export function g<T extends string[]>(xs: T, x: string) {
  return xs.indexOf(x) !== -1; // expect-report: unknown-receiver
}
