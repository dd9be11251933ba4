interface User {
  name: string;
}
// Value positions with types that still allow null or a falsy primitive.
export function f(u: User | null, n: number | undefined, s?: string, any?: any) {
  const name = u && u.name; // null, not undefined. expect-report: null-becomes-undefined
  const fixed = n && n.toFixed(2); // expect-report: falsy-not-nullish
  if (s && s.toUpperCase()) return name; // '' would throw after. expect-report: falsy-not-nullish
  return any && any.value; // expect-report: falsy-not-nullish
}
