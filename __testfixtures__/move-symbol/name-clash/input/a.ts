export function parse(text: string): number {
  return Number(text);
}
