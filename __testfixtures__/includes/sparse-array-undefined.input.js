// [, 1].indexOf(undefined) is -1 but [, 1].includes(undefined) is true: holes.
const slots = new Array(3);
export const a = slots.indexOf(undefined) !== -1; // expect-report: searches-undefined
export const b = Array.from(src).indexOf() === -1; // expect-report: searches-undefined
export const c = slots.indexOf(void 0) >= 0; // expect-report: searches-undefined
