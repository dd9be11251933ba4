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
  // (a letter or two is an abbreviation, not an English word: `/i/:id` is no `we`, `/us` no `u`)
  if (/^[A-Za-z]{1,2}$/.test(word)) return word;
  return pluralize.singular(word);
}

/**
 * Words that name an area of the app, not a thing it counts: a service or DTO is named with them as they are
 * (`/api/auth` → AuthService, `/search` → SearchService, not AuthsService or SearchesService).
 */
const AREAS = new Set('auth oauth openid oidc sso saml ldap login logout signin signout signup register registration search config configuration admin feedback info status health home dashboard progress history checkout sync me'.split(' '));

export function plural(word: string, collections?: ReadonlySet<string>): string {
  const last = /[A-Za-z]+$/.exec(word)?.[0].toLowerCase();
  // (a word ending in -less is a name or a quality, not a thing counted: `gocardless`, `serverless`)
  // (nor a code: `2fa`, `404`, `3ds`)
  if (!last || AREAS.has(last) || /.less$/.test(last) || /(^|[-_])\d[^-_]*$/.test(word) || /^[A-Za-z]{1,2}$/.test(word)) return word;
  // Knowing the app's paths, only a word that names a collection is made plural: `/users/:id` has members, while
  // `/api/nyt`, `/contact` or `/api/paypal` name one thing (NytService, not NytsService; PaypalService).
  if (collections && !collections.has(word.toLowerCase()) && !collections.has(pluralize.plural(word).toLowerCase())) return word;
  return pluralize.plural(word);
}

/**
 * Words of an app's paths that name a collection: a parameter follows them (`/users/:id`), or they are plural. A verb
 * before a parameter (`/users/verify/:token`) names an action, not a collection.
 */
export function collectionWords(paths: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    const segments = p.split('/').filter(Boolean);
    segments.forEach((seg, i) => {
      if (!isStatic(seg)) return;
      const word = seg.replace(/[^A-Za-z0-9_-]/g, '').toLowerCase();
      const next = segments[i + 1];
      if (word && !VERBS.has(word) && ((next !== undefined && !isStatic(next)) || (pluralize.isPlural(word) && !pluralize.isSingular(word)))) out.add(word);
    });
  }
  return out;
}

/** Static segments of an app's paths that a parameter follows somewhere (`/list-items/:id`): collections for certain. */
export function wordsBeforeParams(paths: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    const segments = p.split('/').filter(Boolean);
    segments.forEach((seg, i) => {
      const next = segments[i + 1];
      if (isStatic(seg) && next !== undefined && !isStatic(next)) out.add(seg.replace(/[^A-Za-z0-9_-]/g, '').toLowerCase());
    });
  }
  return out;
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
export function routeNames(method: HttpMethod, fullPath: string, file: string, collections?: ReadonlySet<string>, beforeParams?: ReadonlySet<string>): RouteNames {
  const segments = fullPath.split('/').filter(Boolean);
  let statics = segments
    .filter(isStatic)
    .map((s) => s.replace(/[^A-Za-z0-9_-]/g, ''))
    .filter(Boolean);
  // (a path starting with a parameter, `/:id/owner` of routes/items.js, acts on the file's resource: `/items/:id/owner`)
  let memberPath = segments;
  if (!statics.length || (segments[0]?.startsWith(':') && !fullPath.startsWith('/' + statics[0]))) {
    const resource = fileResource(file);
    if (resource && statics[0] !== resource) {
      statics.unshift(resource);
      if (segments[0]?.startsWith(':')) memberPath = [resource, ...segments];
    }
  }
  if (!statics.length) statics = ['root'];
  // A name cannot start with a digit (`/auth/2fa`, `/api/404`): such a word joins the word before it, or `route`.
  statics = statics.reduce<string[]>((out, w) => {
    if (!/^\d/.test(w)) out.push(w);
    else out.push(`${out.pop() ?? 'route'}-${w}`);
    return out;
  }, []);
  const endsWithParam = segments.length > 0 && !isStatic(segments[segments.length - 1]);
  const collection = !endsWithParam;
  const action = method === 'get' ? (collection ? 'List' : 'Get') : ACTIONS[method] ?? 'Get';
  const last = statics.length - 1;
  const entityWords = statics.map((w, i) => (i < last || !(method === 'get' && collection) ? singular(w) : w));
  const dtoEntity = pascal(entityWords.join('-'));
  const paramsEntity = pascal(statics.map(singular).join('-'));
  // The resource is the last meaningful static segment (plural), the entity its singular.
  const meaningful = statics.filter((w) => !NOISE.test(w));
  // (`/api/:name` has no word of its own: the file's resource, `routes/users.js` → users)
  const own = fileResource(file);
  const resourceWord = meaningful[meaningful.length - 1] ?? (own && !/^(index|app|server|main)$/i.test(own) ? own : statics[last]);
  // (a word taken from the file's name is the router's resource: what its routes' parameters pick from, so plural)
  const resource = lowerFirst(pascal(plural(resourceWord, meaningful.length ? collections : undefined)));
  const entity = pascal(singular(resourceWord));
  const methodEntity = action === 'List' ? pascal(resource) : entity;
  const names = {
    resource,
    entity,
    action,
    dtoBase: `${action}${dtoEntity}`,
    paramsType: `${paramsEntity}Params`,
    serviceClass: `${pascal(resource)}Service`,
    serviceMethod: `${lowerFirst(action === 'Handle' ? 'handle' : action)}${methodEntity}`,
  };
  return { ...names, ...memberNames(method, memberPath, collections, beforeParams) };
}

/** Words that say what a trailing path segment does to the resource before it (`/baskets/:id/checkout`). */
const VERBS = new Set(
  'get list fetch search find save delete remove add create update edit login logout signin signout signup register verify validate reset change apply submit approve reject cancel confirm checkout publish unpublish archive restore activate deactivate enable disable like unlike follow unfollow favorite unfavorite touch refresh send resend upload download export import sync mint redeem subscribe unsubscribe authenticate authorize connect disconnect check calculate convert generate notify retry clear start stop pause resume complete close open lock unlock share join leave invite accept decline assign unassign track rate review vote upvote downvote report'.split(' '),
);

/**
 * A route whose path ends in a singular static segment after its resource (`GET /wallet/balance`, `POST
 * /items/:id/touch`, `POST /user/change-password`) acts on that resource: the resource's service, a method named for
 * the segment (`WalletsService.getWalletBalance`, `ItemsService.touchItem`, `UsersService.changeUserPassword`), not a
 * service of its own named after the segment (`BalancesService`, `TouchesService`). A plural last segment stays a
 * resource of its own (`POST /accounts/:id/transfers` → `TransfersService`). DTO names keep the path's words.
 */
function memberNames(method: HttpMethod, path: string[], collections?: ReadonlySet<string>, beforeParams?: ReadonlySet<string>): Partial<RouteNames> {
  // `/continue-code/apply/:code`, `/users/verify/:token`: a verb before the trailing parameters names the action too
  let segments = path;
  const lastStatic = path.map(isStatic).lastIndexOf(true);
  if (lastStatic >= 0 && lastStatic < path.length - 1 && VERBS.has(words(path[lastStatic])[0]?.toLowerCase() ?? '')) segments = path.slice(0, lastStatic + 1);
  const last = segments[segments.length - 1];
  if (!last || !isStatic(last)) return {};
  const tail = words(last.replace(/[^A-Za-z0-9_-]/g, '')).map((w) => w.toLowerCase());
  // (`/list-items` with `/list-items/:id` beside it: a collection whose name starts with a verb, not "list the items")
  if (tail.length > 1 && VERBS.has(tail[0]) && beforeParams?.has(last.replace(/[^A-Za-z0-9_-]/g, '').toLowerCase())) return {};
  if (!tail.length || /^\d/.test(tail[0]) || (pluralize.isPlural(tail[tail.length - 1]) && !pluralize.isSingular(tail[tail.length - 1]) && !VERBS.has(tail[0]))) return {};
  const verb = VERBS.has(tail[0]) && method !== 'delete' ? tail[0] : undefined;
  const named = (resourceText: string, serviceMethod: string): Partial<RouteNames> => {
    const resource = lowerFirst(pascal(plural(resourceText, collections)));
    if (!/^[A-Za-z_$][\w$]*$/.test(serviceMethod) || !/^[A-Za-z]/.test(resource)) return {};
    return { resource, entity: pascal(singular(resourceText)), serviceClass: `${pascal(resource)}Service`, serviceMethod };
  };
  // the resource: the nearest static segment before it that says something
  let i = segments.length - 2;
  while (i >= 0 && (!isStatic(segments[i]) || NOISE.test(segments[i]))) i--;
  if (i < 0) {
    // `GET /health`, `GET /api/user`: one thing, read (`getHealth`, `getUser`); `POST /saveLoginIp`: the verb on the rest
    if (verb && tail.length > 1) return named(tail.slice(1).join('-'), `${verb}${pascal(tail.slice(1).join('-'))}`);
    return method === 'get' && !verb ? named(last, `get${pascal(last)}`) : {};
  }
  const owner = segments[i].replace(/[^A-Za-z0-9_-]/g, '');
  const ownerWords = words(owner);
  if (!ownerWords.length || /^\d/.test(owner) || VERBS.has(ownerWords[0].toLowerCase())) return {};
  // `GET /products/search` reads the collection; `/items/:id/touch`, `POST /users/login` one item
  const one = method !== 'get' || segments !== path || i < segments.length - 2 || pluralize.isSingular(ownerWords[ownerWords.length - 1]);
  const subject = one ? pascal(singular(owner)) : pascal(plural(owner));
  const action = method === 'get' ? 'get' : ACTIONS[method] === 'Handle' ? 'handle' : lowerFirst(ACTIONS[method] ?? 'Get');
  return named(owner, verb ? `${verb}${subject}${pascal(tail.slice(1).join('-'))}` : `${action}${subject}${pascal(last)}`);
}
