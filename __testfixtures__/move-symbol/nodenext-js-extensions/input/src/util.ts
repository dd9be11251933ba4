import { sep } from './constants.js';

export function joinParts(parts: string[]): string {
  return parts.join(sep);
}
