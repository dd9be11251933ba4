import { clamp } from './clamp';
export { clamp } from './clamp';

export function double(n: number): number {
  return clamp(n * 2, 0, 100);
}
