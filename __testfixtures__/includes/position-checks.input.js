// Not membership tests: the position itself matters, or the number is used.
const s = 'abc';
const list = ['a', 'b'];
export const starts = s.indexOf('a') === 0; // expect-report: position-check
export const notFirst = s.indexOf('a') > 0; // expect-report: position-check
export const second = list.indexOf('b') === 1; // expect-report: position-check
export const pos = list.indexOf('b');
export const next = s.indexOf('c') + 1;
export const atLeastOne = list.indexOf('a') >= 1; // expect-report: position-check
export const fromSecond = s.lastIndexOf('a') > 0; // expect-report: position-check
export const tilde = ~s.indexOf('b') || 'none'; // expect-report: tilde-value
