export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

export function double(n: number): number {
  return clamp(n * 2, 0, 100);
}
