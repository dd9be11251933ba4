import { readFileSync } from 'node:fs';

export const VERSION: string = '1.0.0';
const cache: Map<string, string> = new Map();
let hits: number = 0;

export function read(file: string): string {
  hits++;
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const text = readFileSync(file, 'utf8');
  cache.set(file, text);
  return text;
}

declare global {
  var __remodelDebug: boolean | undefined;
}
