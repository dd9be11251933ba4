import { fullName, greet } from './users';

export const line = `${fullName('a', 'b')} ${greet({ first: 'c', last: 'd' })}`;
