// [NaN].indexOf(NaN) is -1 but [NaN].includes(NaN) is true: an array searched for a value that may be NaN stays.
const values = [1, 2];
values.push(compute()); // mutated: no longer known to be NaN-free
export function has(n) {
  if (values.indexOf(n) !== -1) return true; // expect-report: maybe-nan
  if ([NaN].indexOf(NaN) === -1) return false; // expect-report: maybe-nan
  return Array.from(list).indexOf(n * 2) > -1; // expect-report: maybe-nan
}
