import path from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';

export type Framework = 'express' | 'koa' | 'fastify';
export type HandlerFn = import('ts-morph').ArrowFunction | import('ts-morph').FunctionExpression | import('ts-morph').FunctionDeclaration;

/** One route registration whose handler is a function we can see: inline, or a named function of the same module. */
export interface RouteSite {
  file: SourceFile;
  framework: Framework;
  verb: string;
  routePath: string;
  call: CallExpression;
  fn: HandlerFn;
  /** The handler's own name when it is a named function (reused as the service method name). */
  name?: string;
  label: string;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);

/** Which framework a module's routes belong to, from its imports (Express when nothing else is imported). */
export function frameworkOf(file: SourceFile): Framework {
  const text = file.getFullText();
  if (/(?:from\s+|require\(\s*)['"](?:koa|@koa\/router|koa-router)['"]/.test(text)) return 'koa';
  if (/(?:from\s+|require\(\s*)['"]fastify(?:-plugin)?['"]/.test(text) || /FastifyInstance|FastifyPluginAsync/.test(text)) return 'fastify';
  return 'express';
}

/** Cheap text test: could this module register routes? */
export function mayHaveRoutes(text: string): boolean {
  return /\.(get|post|put|patch|delete|del|all)\s*\(\s*['"`]/.test(text);
}

/** `router.get('/path', ...middleware, handler)` calls (also `app.`, `fastify.` and friends) in a module. */
export function findRouteSites(file: SourceFile): RouteSite[] {
  const framework = frameworkOf(file);
  const sites: RouteSite[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const verb = callee.getName();
    if (!VERBS.has(verb)) continue;
    const args = call.getArguments();
    if (args.length < 2) continue;
    const first = args[0];
    if (!Node.isStringLiteral(first) && !Node.isNoSubstitutionTemplateLiteral(first)) continue;
    const last = args[args.length - 1];
    let fn: HandlerFn | undefined;
    let name: string | undefined;
    if (Node.isArrowFunction(last) || Node.isFunctionExpression(last)) {
      fn = last;
    } else if (Node.isIdentifier(last)) {
      const decl = last.getSymbol()?.getDeclarations()[0];
      if (decl && decl.getSourceFile() === file) {
        if (Node.isFunctionDeclaration(decl)) fn = decl;
        else if (Node.isVariableDeclaration(decl)) {
          const init = decl.getInitializer();
          if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) fn = init;
        }
        if (fn) name = last.getText();
      }
    }
    if (!fn) continue;
    const routePath = first.getLiteralText();
    sites.push({ file, framework, verb: verb === 'del' ? 'delete' : verb, routePath, call, fn, ...(name ? { name } : {}), label: `${verb.toUpperCase()} ${routePath}` });
  }
  return sites;
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(sh|ch|x|z)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

const GENERIC_MODULES = new Set(['app', 'index', 'server', 'routes', 'router', 'api', 'main', 'controller', 'handlers']);

/** The resource a router module serves: `routes/users.js` → `users`; generic names (app, index) give ''. */
export function resourceOf(file: SourceFile): string {
  let base = file.getBaseNameWithoutExtension().replace(/\.(routes?|router|controller|handlers?)$/i, '');
  if (base === 'index') base = path.basename(file.getDirectory().getPath());
  return GENERIC_MODULES.has(base.toLowerCase()) ? '' : base;
}

/** Service method name from verb + path: `GET /users/:id` → `getUser`, `GET /users` → `listUsers`. */
export function methodNameFor(site: RouteSite, resource: string): string {
  const segments = site.routePath.split('/').filter(Boolean);
  const statics = segments.filter((s) => !s.startsWith(':') && !s.includes('*'));
  const endsWithParam = segments.length > 0 && segments[segments.length - 1].startsWith(':');
  const hasParam = segments.some((s) => s.startsWith(':'));
  let res = pascal(resource);
  // A router mounted without a resource name (app.js) takes the first static segment as the resource.
  let rest = statics;
  // `/notes/:id` in notes.ts: the resource is named once (getNote, not getNoteNotes)
  if (res && statics.length && [res.toLowerCase(), singular(res).toLowerCase()].includes(statics[0].toLowerCase())) rest = statics.slice(1);
  if (!res && statics.length) {
    res = pascal(statics[0]);
    rest = statics.slice(1);
  }
  const tail = pascal(rest.join(' '));
  const one = pascal(singular(res));
  switch (site.verb) {
    case 'get':
      if (tail) return `get${hasParam ? one : res}${tail}`;
      return endsWithParam ? `get${one}` : res ? (res === one ? `get${res}` : `list${res}`) : 'getRoot';
    case 'post':
      return tail ? `${hasParam ? 'post' + one : 'post' + res}${tail}` : `create${one || 'Item'}`;
    case 'put':
    case 'patch':
      return `update${one || 'Item'}${tail}`;
    case 'delete':
      return `delete${one || 'Item'}${tail}`;
    default:
      return `${site.verb}${res}${tail}` || site.verb;
  }
}

export const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
export const upperFirst = (s: string) => s[0].toUpperCase() + s.slice(1);
export { pascal };
