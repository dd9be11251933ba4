import { formatName, fullName } from './users';

export const names = [formatName('a', 'b'), fullName('c', 'd')];
