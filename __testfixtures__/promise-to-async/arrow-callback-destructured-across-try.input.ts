// A destructured value handed on from a catch in the middle of the chain would have to cross the try block.
export function load(pending: Promise<string[]>): Promise<string> {
  return pending
    .catch(() => [DEFAULT_A, DEFAULT_B])
    .then(([a, b]: string[]) => a + b);
}
