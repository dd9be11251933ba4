enum Prefix {
  A = 'a',
}
const key: string = `k:${id as string}:${Prefix.A}`;
function msg<T>(v: T): string {
  return `value ${String(v)}`;
}
