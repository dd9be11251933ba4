// lastIndexOf in a membership test finds exactly what indexOf finds; with a start position it searches backward.
const s = 'abc';
const list = ['a', 'b'];
export const last = s.includes('a');
export const missing = !list.includes('c');
export const tilde = !s.includes('b');
export const notFound = !list.includes('a');
export const backward = s.lastIndexOf('a', 1) !== -1;
export const unknown = other.lastIndexOf('a') !== -1;
