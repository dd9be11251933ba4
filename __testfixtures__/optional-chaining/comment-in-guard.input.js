export function f(a) {
  if (a /* may be missing */ && a.b) return 1; // expect-report: comment-inside
  if (a && // guard
      a.c) return 2; // expect-report: comment-inside
}
