import path from 'node:path';
import fs from 'node:fs';
import { Node, SyntaxKind, type CallExpression, type ParameterDeclaration, type SourceFile } from 'ts-morph';

export type Framework = 'express' | 'koa' | 'fastify';
export type HandlerFn = Node & { getParameters(): ParameterDeclaration[] };

export const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);

/** One route registration and the handler that answers it. */
export interface RouteSite {
  framework: Framework;
  verb: string;
  /** The path as written in the call. */
  path: string;
  /** Mount prefix from `app.use('/prefix', router)` (Express) or `prefix` in `register()` (Fastify), if found. */
  mount: string;
  call: CallExpression;
  handler: HandlerFn;
  /** The handler is written in the call (not passed by name). */
  inline: boolean;
  reqParam: ParameterDeclaration;
}

export interface UnresolvedRoute {
  call: CallExpression;
  verb: string;
  path: string;
  why: string;
}

function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  return undefined;
}

function isFunctionLike(node: Node | undefined): node is HandlerFn {
  return !!node && (Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node));
}

/** The function a handler argument names: an inline function, or a declaration reached through imports. */
function resolveHandler(arg: Node): HandlerFn | undefined {
  if (isFunctionLike(arg)) return arg;
  if (!Node.isIdentifier(arg) && !Node.isPropertyAccessExpression(arg)) return undefined;
  let symbol = arg.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  for (const decl of symbol?.getDeclarations() ?? []) {
    if (decl.getSourceFile().getFilePath().includes('/node_modules/') || decl.getSourceFile().isDeclarationFile()) return undefined;
    if (Node.isFunctionDeclaration(decl) && decl.getBody()) return decl;
    if (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isPropertyDeclaration(decl)) {
      const init = decl.getInitializer();
      if (isFunctionLike(init)) return init;
    }
    if (Node.isMethodDeclaration(decl)) return undefined;
  }
  return undefined;
}

function importsOf(sf: SourceFile): string {
  const text = sf.getFullText();
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]([^'"]+)['"]/g)) specs.push(m[1]);
  return specs.join('\n');
}

function frameworkOf(handler: HandlerFn, imports: string): Framework | undefined {
  const params = handler.getParameters().map((p) => p.getName());
  if (/^fastify$/m.test(imports) || params[1] === 'reply') return 'fastify';
  if (/^(koa|koa-router|@koa\/router)$/m.test(imports) || params[0] === 'ctx') return 'koa';
  if (params.length >= 1) return 'express';
  return undefined;
}

/**
 * Route registrations in a file: `app.get('/p', ...handlers)`, `router.route('/p').post(...)`,
 * `fastify.get('/p', handler)` and koa-router's `router.post('/p', handler)`.
 */
export function findRoutes(sf: SourceFile, mounts: Map<string, string>): { routes: RouteSite[]; unresolved: UnresolvedRoute[] } {
  const routes: RouteSite[] = [];
  const unresolved: UnresolvedRoute[] = [];
  const imports = importsOf(sf);
  for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const verb = callee.getName();
    if (!VERBS.has(verb)) continue;
    const args = call.getArguments();
    let routePath = stringValue(args[0]);
    let handlerArgs = args.slice(1);
    let receiver = callee.getExpression();
    // `router.route('/p').get(a).put(b)`: step back over the verbs chained before this one.
    while (Node.isCallExpression(receiver)) {
      const inner = receiver.getExpression();
      if (!Node.isPropertyAccessExpression(inner) || !VERBS.has(inner.getName()) || !Node.isCallExpression(inner.getExpression())) break;
      receiver = inner.getExpression();
    }
    if (Node.isCallExpression(receiver)) {
      const inner = receiver.getExpression();
      if (Node.isPropertyAccessExpression(inner) && inner.getName() === 'route') {
        routePath = stringValue(receiver.getArguments()[0]);
        handlerArgs = args;
      }
    }
    if (routePath === undefined || handlerArgs.length === 0) continue;
    const last = handlerArgs[handlerArgs.length - 1];
    // `router.get('/x', opts, handler)` in Fastify passes an options object before the handler.
    const handler = resolveHandler(last);
    if (!handler) {
      if (Node.isIdentifier(last) || Node.isPropertyAccessExpression(last)) {
        unresolved.push({ call, verb, path: routePath, why: `handler \`${last.getText()}\` could not be resolved to a function in the project` });
      }
      continue;
    }
    const framework = frameworkOf(handler, imports + '\n' + importsOf(handler.getSourceFile()));
    const reqParam = handler.getParameters()[0];
    if (!framework || !reqParam) continue;
    routes.push({
      framework,
      verb: verb === 'del' ? 'delete' : verb,
      path: routePath,
      mount: mounts.get(sf.getFilePath()) ?? '',
      call,
      handler,
      inline: handler === last,
      reqParam,
    });
  }
  return { routes, unresolved };
}

function resolveModuleFile(from: SourceFile, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from.getFilePath()), spec);
  const stem = base.replace(/\.[cm]?js$/, '');
  const candidates = [base, ...['.ts', '.tsx', '.js', '.mts', '.cjs', '.mjs'].flatMap((e) => [stem + e, path.join(base, 'index' + e)])];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** `app.use('/users', usersRouter)` and `fastify.register(plugin, { prefix: '/users' })`: file of the router → prefix. */
export function findMounts(files: SourceFile[]): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const sf of files) {
    for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const args = call.getArguments();
      let prefix: string | undefined;
      let target: Node | undefined;
      if (callee.getName() === 'use' && args.length >= 2) {
        prefix = stringValue(args[0]);
        target = args[args.length - 1];
      } else if (callee.getName() === 'register' && args.length >= 2 && Node.isObjectLiteralExpression(args[1])) {
        const p = args[1].getProperty('prefix');
        if (p && Node.isPropertyAssignment(p)) prefix = stringValue(p.getInitializer());
        target = args[0];
      }
      if (prefix === undefined || !target) continue;
      if (Node.isCallExpression(target) && target.getExpression().getText() === 'require') {
        const file = resolveModuleFile(sf, stringValue(target.getArguments()[0]) ?? '');
        if (file) mounts.set(file, prefix);
        continue;
      }
      if (Node.isPropertyAccessExpression(target)) target = target.getExpression();
      if (!Node.isIdentifier(target)) continue;
      for (const decl of target.getSymbol()?.getDeclarations() ?? []) {
        const importDecl = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
        if (importDecl) {
          const file = importDecl.getModuleSpecifierSourceFile()?.getFilePath();
          if (file) mounts.set(file, prefix);
        } else if (Node.isVariableDeclaration(decl)) {
          const init = decl.getInitializer();
          if (init && Node.isCallExpression(init) && init.getExpression().getText() === 'require') {
            const file = resolveModuleFile(sf, stringValue(init.getArguments()[0]) ?? '');
            if (file) mounts.set(file, prefix);
          }
        }
      }
    }
  }
  return mounts;
}

// ---------- names ----------

const ACTIONS: Record<string, string> = { post: 'Create', put: 'Replace', patch: 'Update', delete: 'Delete', head: 'Head', options: 'Options', all: 'Handle' };

function pascal(word: string): string {
  return word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(s|x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + 'es';
  return word + 's';
}

/** The resource a file is about: `routes/users.routes.ts` → `users`. */
export function fileResource(file: string): string {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  const stem = base.replace(/[.-_]?(routes?|router|controllers?|handlers?|api|endpoints?)$/i, '');
  return stem && stem !== 'index' && stem !== 'app' && stem !== 'server' ? stem : base === 'index' ? path.basename(path.dirname(file)) : base;
}

export interface RouteNames {
  action: string;
  entity: string;
  params: string;
}

/** Names from verb + path: POST /users → Create/User, GET /users → List/Users, GET /users/:id → Get/User. */
export function routeNames(verb: string, fullPath: string, file: string): RouteNames {
  const segments = fullPath.split('/').filter(Boolean);
  let words = segments.filter((s) => !s.startsWith(':') && !s.includes('*') && !s.startsWith('(')).map((s) => s.replace(/[^A-Za-z0-9_-]/g, ''));
  words = words.filter(Boolean);
  if (!words.length || (segments[0]?.startsWith(':') && !fullPath.startsWith('/' + words[0]))) {
    const resource = fileResource(file);
    if (resource && words[0] !== resource) words.unshift(resource);
  }
  if (!words.length) words = ['root'];
  const endsWithParam = segments.length > 0 && segments[segments.length - 1].startsWith(':');
  const collection = !endsWithParam;
  let action = ACTIONS[verb] ?? 'Get';
  if (verb === 'get') action = collection ? 'List' : 'Get';
  const lastIdx = words.length - 1;
  const entityWords = words.map((w, i) => (i < lastIdx ? singular(w) : verb === 'get' && collection ? w : singular(w)));
  const entity = pascal(entityWords.join('-'));
  const paramsEntity = pascal(words.map(singular).join('-'));
  return { action, entity, params: `${paramsEntity}Params` };
}
