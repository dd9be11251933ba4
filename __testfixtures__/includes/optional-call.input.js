// x?.indexOf(y) !== -1 is true when x is nullish; x?.includes(y) would be undefined.
const names = maybe ? ['a'] : null;
export const a = names?.indexOf('a') !== -1; // expect-report: optional-chain
export const b = names?.indexOf('a') === -1; // expect-report: optional-chain
export const c = 'abc'.indexOf?.('a') > -1; // expect-report: optional-chain
