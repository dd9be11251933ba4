import { readFileSync } from 'node:fs';

export var VERSION: string = '1.0.0';
var cache: Map<string, string> = new Map();
var hits: number = 0;

export function read(file: string): string {
  hits++;
  var cached = cache.get(file);
  if (cached !== undefined) return cached;
  var text = readFileSync(file, 'utf8');
  cache.set(file, text);
  return text;
}

declare global {
  var __remodelDebug: boolean | undefined;
}
