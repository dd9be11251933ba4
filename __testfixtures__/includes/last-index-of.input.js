// lastIndexOf in a membership test finds exactly what indexOf finds; with a start position it searches backward.
const s = 'abc';
const list = ['a', 'b'];
export const last = s.lastIndexOf('a') !== -1;
export const missing = list.lastIndexOf('c') === -1;
export const tilde = !~s.lastIndexOf('b');
export const notFound = list.indexOf('a') <= -1;
export const backward = s.lastIndexOf('a', 1) !== -1;
export const unknown = other.lastIndexOf('a') !== -1;
