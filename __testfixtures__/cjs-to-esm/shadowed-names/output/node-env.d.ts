// A few Node.js declarations, standing in for @types/node in this fixture.
declare var process: { env: Record<string, string | undefined>; argv: string[] };
declare var require: { (id: string): any; resolve(id: string): string; main: unknown; cache: Record<string, unknown> };
declare var module: { exports: any };
declare var exports: any;
declare var __dirname: string;
declare var __filename: string;
declare var global: any;
declare module 'path' {
  export const sep: string;
  export function join(...parts: string[]): string;
  export function dirname(p: string): string;
  const path: { sep: string; join(...parts: string[]): string; dirname(p: string): string };
  export default path;
}
declare module 'node:path' {
  export * from 'path';
  export { default } from 'path';
}
declare module 'node:fs' {
  export function readFileSync(file: string, encoding: string): string;
  const fs: { readFileSync(file: string, encoding: string): string };
  export default fs;
}
declare module 'node:url' {
  export function fileURLToPath(url: string | URL): string;
}
declare module 'node:module' {
  export function createRequire(url: string | URL): { (id: string): any; resolve(id: string): string };
}
declare module 'util' {
  export function format(f: string, ...args: unknown[]): string;
}
declare module 'os' {
  export const EOL: string;
}
