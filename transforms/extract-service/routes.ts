import type { CallExpression, SourceFile } from 'ts-morph';
import type { Framework, Route, RouteNames } from '../../src/app-model/types.js';

export type { Framework };
export type HandlerFn =
  | import('ts-morph').ArrowFunction
  | import('ts-morph').FunctionExpression
  | import('ts-morph').FunctionDeclaration
  | import('ts-morph').MethodDeclaration;

/**
 * One route of the app model whose final handler is a function of the project: inline, a named function, a CommonJS
 * export, an ESM named/namespace import, a class method or arrow property. Route discovery is the app model's
 * (src/app-model); this is the part extract-service works with.
 */
export interface RouteSite {
  /** The module the handler function is written in (the controller module; it gets the service call). */
  file: SourceFile;
  framework: Framework;
  verb: string;
  /** Full path (mount prefixes included). */
  routePath: string;
  /** The registration call (`router.get(...)`), possibly in another module. */
  call: CallExpression;
  fn: HandlerFn;
  label: string;
  /** Service class and method names, decided by the app model. */
  names: RouteNames;
  route: Route;
  /** How the handler is registered on each of its routes (the app model's chain shapes): `wrapped` for `catchAsync(h)`. */
  shapes?: string[];
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/** Could a module take part in routing (registrations, or handlers written as `(req, res)` / `ctx` functions)? */
export function mayHaveRoutes(text: string): boolean {
  return /\.(get|post|put|patch|delete|del|all|head|options|route)\s*[<(]/.test(text) || /\b(req|request|ctx|reply)\b/.test(text);
}

export const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
export const upperFirst = (s: string) => s[0].toUpperCase() + s.slice(1);
export { pascal };
