import { fullName as formatName } from './format';

export function greet(u: { first: string; last: string }): string {
  return 'hi ' + formatName(u.first, u.last);
}
