import * as a from './a';

export const sum = a.one() + a.two();
