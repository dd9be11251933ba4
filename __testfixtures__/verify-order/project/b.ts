import { find } from './db';

export const b = find(2);
