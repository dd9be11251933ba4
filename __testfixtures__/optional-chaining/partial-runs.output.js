// Only the guarded run of a longer && chain changes; the rest stays as written.
export function f(x, a, c) {
  if (x && a?.b) one();
  if (a?.b && c) two();
  if (a?.b && a.b.c()) three(); // the call needs a proven a.b. expect-report: falsy-not-nullish
  a?.b?.c?.d;
}
