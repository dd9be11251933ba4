import { greet } from './users';
import { fullName } from './format';

export const line = `${fullName('a', 'b')} ${greet({ first: 'c', last: 'd' })}`;
