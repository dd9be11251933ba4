import { normalize } from './a';

export function keyOf(s: string): string {
  return `k:${normalize(s)}`;
}
