var METHODS = ['get', 'post', 'put'];
const header = String(req.headers.accept);
const parts = header.split(',');
let tags = 'a b c'.split(' '); // never reassigned: as good as const

function allowed(method) {
  // METHODS is never mutated or passed on, so it stays dense and NaN-free: any searched value is fine.
  return METHODS.indexOf(method) !== -1;
}

if (parts.indexOf(wanted) === -1) reject();
if (tags.indexOf('b') >= 0) keep();
if (header.indexOf('json') !== -1) json();

// The callback could mutate the array through its third argument: no longer known to be NaN-free.
const KINDS = ['a', 'b'];
KINDS.forEach(function (k, i, all) { all.push(NaN); });
export const hasKind = (k) => KINDS.indexOf(k) !== -1; // expect-report: maybe-nan
