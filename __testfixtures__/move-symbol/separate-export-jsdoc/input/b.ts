import { initials } from './a';

export const shown = initials('Ada Lovelace');
