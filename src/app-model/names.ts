import path from 'node:path';
import pluralize from 'pluralize';
import type { HttpMethod, RouteNames } from './types.js';

const ACTIONS: Record<string, string> = {
  post: 'Create',
  put: 'Replace',
  patch: 'Update',
  delete: 'Delete',
  head: 'Head',
  options: 'Options',
  all: 'Handle',
};

/** Path segments that say nothing about the resource. */
const NOISE = /^(api|v\d+(\.\d+)?|rest|public|internal)$/i;

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function pascal(text: string): string {
  return words(text)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function lowerFirst(text: string): string {
  return text ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Singular of a word through pluralize, keeping its case shape ("addresses" → "address", "Status" stays). */
export function singular(word: string): string {
  return pluralize.singular(word);
}

export function plural(word: string): string {
  return pluralize.plural(word);
}

/** The resource a file is about: `routes/users.routes.ts` → `users`; `index.js` → its folder's name. */
export function fileResource(file: string): string {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  const stem = base.replace(/[._-]?(routes?|router|controllers?|handlers?|api|endpoints?)$/i, '');
  if (stem && !/^(index|app|server|main)$/i.test(stem)) return stem;
  if (base !== 'index') return base;
  const dir = path.basename(path.dirname(file));
  return dir === '.' || dir === '' ? '' : dir;
}

function isStatic(segment: string): boolean {
  return !!segment && !segment.startsWith(':') && !segment.includes('*') && !segment.startsWith('(') && !segment.startsWith('{') && !segment.startsWith('$');
}

/**
 * Names for a route, decided once: from the method and the full path (static segments), falling back to the file's
 * resource when the path has none. POST /users → CreateUser; GET /users → ListUsers; GET /users/:id → GetUser;
 * POST /accounts/:id/transfers → CreateAccountTransfer; resource `transfers`, service `TransfersService`.
 */
export function routeNames(method: HttpMethod, fullPath: string, file: string): RouteNames {
  const segments = fullPath.split('/').filter(Boolean);
  let statics = segments
    .filter(isStatic)
    .map((s) => s.replace(/[^A-Za-z0-9_-]/g, ''))
    .filter(Boolean);
  if (!statics.length || (segments[0]?.startsWith(':') && !fullPath.startsWith('/' + statics[0]))) {
    const resource = fileResource(file);
    if (resource && statics[0] !== resource) statics.unshift(resource);
  }
  if (!statics.length) statics = ['root'];
  const endsWithParam = segments.length > 0 && !isStatic(segments[segments.length - 1]);
  const collection = !endsWithParam;
  const action = method === 'get' ? (collection ? 'List' : 'Get') : ACTIONS[method] ?? 'Get';
  const last = statics.length - 1;
  const entityWords = statics.map((w, i) => (i < last || !(method === 'get' && collection) ? singular(w) : w));
  const dtoEntity = pascal(entityWords.join('-'));
  const paramsEntity = pascal(statics.map(singular).join('-'));
  // The resource is the last meaningful static segment (plural), the entity its singular.
  const meaningful = statics.filter((w) => !NOISE.test(w));
  const resourceWord = meaningful[meaningful.length - 1] ?? statics[last];
  const resource = lowerFirst(pascal(plural(resourceWord)));
  const entity = pascal(singular(resourceWord));
  const methodEntity = action === 'List' ? pascal(resource) : entity;
  return {
    resource,
    entity,
    action,
    dtoBase: `${action}${dtoEntity}`,
    paramsType: `${paramsEntity}Params`,
    serviceClass: `${pascal(resource)}Service`,
    serviceMethod: `${lowerFirst(action === 'Handle' ? 'handle' : action)}${methodEntity}`,
  };
}
