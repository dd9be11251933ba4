// The accessed chain does not start with the guarded one.
export function f(a, b, k, j) {
  if (a && b.c) one();
  if (a.b && a.c.d) two();
  if (a.b && a.bc) three();
  if (a[k] && a[j].x) four();
  if (a && a) five();
  if (a.b && a.b) six();
  if (a && b && a.c) seven();
  // Only one strict check: a null `a` throws here, while `a?.b` would not.
  if (a !== undefined && a.b) eight();
  if (null !== a && a.b) nine();
}
