// Values wrapped in type assertions are not plain identifiers or functions: left alone.
const a = 1 as unknown;
const b: string | null = null;
export const config = {
  a: a as number,
  b: b!,
  c: <number>a,
  handler: (function () { return 1; }) as () => number,
  check: function (x: unknown) { return x; } satisfies (x: unknown) => unknown,
};
