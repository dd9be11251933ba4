import { initials } from './names';

export const shown = initials('Ada Lovelace');
