// A destructured value handed on from a catch in the middle of the chain would have to cross the try block.
export function load(id: string): Promise<string> {
  return fetchPair(id)
    .catch(() => [DEFAULT_A, DEFAULT_B])
    .then(([a, b]: string[]) => a + b);
}
