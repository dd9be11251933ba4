// The second argument is kept. Both methods treat it alike for their own type:
// arrays count a negative index from the end ([1, 2].indexOf(1, -1) === -1, [1, 2].includes(1, -1) === false),
// strings clamp it to 0 ('abc'.indexOf('a', -1) === 0, 'abc'.includes('a', -1) === true), and an index past the
// end of a string still finds '' ('abc'.indexOf('', 10) === 3, 'abc'.includes('', 10) === true).
const letters = ['a', 'b', 'c'];
const word = 'abcabc';
export const x = letters.includes('a', -1);
export const y = !word.includes('a', 1);
export const z = word.includes('', start);
