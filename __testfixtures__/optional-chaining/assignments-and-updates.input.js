// Writes through the guard: `a?.b = 1`, `a?.b++` are syntax errors, and these are not reads anyway.
export function f(a) {
  a && (a.b = 1);
  a && (a.b += 1);
  a && delete a.b;
  a && a.b++;
  a && --a.count;
}
