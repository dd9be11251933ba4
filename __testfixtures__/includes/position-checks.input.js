// Not membership tests: the position itself matters, or the number is used.
const s = 'abc';
const list = ['a', 'b'];
export const starts = s.indexOf('a') === 0;
export const notFirst = s.indexOf('a') > 0;
export const second = list.indexOf('b') === 1;
export const pos = list.indexOf('b');
export const next = s.indexOf('c') + 1;
export const last = s.lastIndexOf('a') !== -1;
export const atLeastOne = list.indexOf('a') >= 1;
export const weird = list.indexOf('a') <= -1;
export const tilde = ~s.indexOf('b') || 'none'; // expect-report: tilde-value
