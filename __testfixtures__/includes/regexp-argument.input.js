// 'a/b'.indexOf(/b/) converts the RegExp to the string '/b/'; 'a/b'.includes(/b/) throws a TypeError.
export function test(pattern, path) {
  const p = String(path);
  if (p.indexOf(pattern) !== -1) return 1; // expect-report: maybe-regexp
  if ('x/y/'.indexOf(/y/) !== -1) return 2; // expect-report: maybe-regexp
  return p.indexOf(new RegExp('x')) === -1; // expect-report: maybe-regexp
}
