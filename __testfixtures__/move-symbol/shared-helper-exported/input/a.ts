function normalize(s: string): string {
  return s.trim().toLowerCase();
}

export function keyOf(s: string): string {
  return `k:${normalize(s)}`;
}

export function equalsIgnoringCase(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}
