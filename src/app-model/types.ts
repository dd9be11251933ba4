/**
 * The app model: one description of an HTTP backend's routes and the data flow of each handler chain, built once
 * from the ts-morph project (JS and TS alike) and read by every route-aware part of remodel (introduce-dto,
 * extract-service, `remodel map`).
 *
 * Two forms:
 * - the live model (`AppModel`, from `buildAppModel`): carries ts-morph nodes (`ChainFunction.node`,
 *   `Route.call`) so transforms can edit at the right place; absolute paths.
 * - the JSON form (`AppModelJson`, from `toJSON`): no nodes, paths relative to `root` and POSIX, stable key order,
 *   `schemaVersion: 1`. Documented in src/app-model/README.md.
 *
 * Nothing the builder looks at is dropped silently: a registration, mount or handler expression it cannot follow is
 * either a route with `unresolved` set (the route exists, part of its chain is unknown) or an `UnresolvedSite`
 * (not even the route is known, e.g. a computed method name), each with a stable reason key.
 */
import type { CallExpression, Node } from 'ts-morph';

export type Framework = 'express' | 'koa' | 'fastify';

/** Lower-case HTTP method; `all` for Express `app.all`, koa-router `router.all`, Fastify `method: [...]` is split. */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'all';

/** A place in the source. `file` is absolute in the live model, relative to `root` (POSIX) in JSON. */
export interface Loc {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Last line of the node (functions), 1-based. */
  endLine?: number;
}

/**
 * Stable reason keys for what the builder could not follow. Consumers may group by these; new keys may be added
 * (documented in README.md), existing ones keep their meaning.
 */
export type UnresolvedReason =
  /** The path argument is not a literal (variable, template with expressions, call). */
  | 'dynamic-path'
  /** The method is computed: `app[method](...)`, `router[verb]`. */
  | 'dynamic-method'
  /** A handler/middleware argument that does not lead to a function in the project (call result, parameter, ...). */
  | 'unresolved-handler-expression'
  /** The handler comes from a package (node_modules or a .d.ts), e.g. `express.static`, `serveStatic()`. */
  | 'external-handler'
  /** A factory call whose returned function is not statically known. */
  | 'unknown-factory-result'
  /** `app.use(prefix, x)` where `x` is not a router/app/plugin the builder can follow. */
  | 'unresolved-mount'
  /** A router that is created but never mounted on an app (its routes keep the paths as written). */
  | 'unmounted-router'
  /** A router mounted in more than one place: one route per mount is produced; this notes it. */
  | 'mounted-twice'
  /** `route({...})` (Fastify) with a non-literal options object or missing fields. */
  | 'dynamic-route-options'
  /** Spread arguments `app.get(p, ...handlers)` that are not a literal array. */
  | 'spread-arguments';

export type ChainShape =
  /** A function written in the registration call. */
  | 'inline'
  /** An identifier naming a function declared or imported by name (ESM named/default import, local declaration). */
  | 'identifier'
  /** `obj.fn` where `obj` is a local object literal or a CommonJS module object (`const c = require('./c')`). */
  | 'member'
  /** `ns.fn` with `import * as ns from './c'`. */
  | 'namespace-import'
  /** A function reached through `exports.x = ...`, `module.exports = { ... }` or `module.exports = function`. */
  | 'commonjs-export'
  /** `controller.method` where `controller` is an instance of a class of the project (method or arrow property). */
  | 'class-method'
  /** `controller.method.bind(controller)`. */
  | 'bound-method'
  /** `(req, res) => controller.m(req, res)` or `function (req, res, next) { return c.m(req, res, next) }`. */
  | 'wrapper'
  /** `createUser()` (or `auth.requireRole('doctor')`) whose returned function is statically known. */
  | 'factory'
  /**
   * `catchAsync(async (req, res) => {...})`, `asyncHandler(listUsers)`: a factory of the project whose returned function
   * calls the factory's function parameter with its own request parameters (error forwarding, timing). The handler is
   * the function passed in: `loc` is that argument, not the wrapper.
   */
  | 'wrapped'
  /** An element of an array argument `[auth, handler]` that is itself unresolved keeps this shape. */
  | 'array';

/** Where a read / response / exit happens relative to the function body's own flow. */
export type FlowContext = 'direct' | 'callback' | 'promise';

export type RequestSource = 'params' | 'query' | 'body' | 'headers' | 'cookies' | 'req';

/** A read of request input: `req.body.email`, `const { id } = req.params`, `ctx.request.body.x`, `req.user.id`. */
export interface RequestRead {
  /** `req` means a field that is not one of the standard sources (often set by middleware: `req.user`). */
  source: RequestSource;
  /** Property path under the source: `['email']`, `['address', 'city']`; empty when the whole source is read. */
  path: string[];
  /** Checker's type text of the read expression when it knows one (not `any`). */
  type?: string;
  loc: Loc;
  context: FlowContext;
}

export type DataCallKind =
  /** A function imported from another module of the project (`db.notes.insert` from `./db`). */
  | 'module'
  /** A model / repository class or object (`User.findOne`, `userRepository.save`). */
  | 'model'
  /** A known ORM / query builder package (mongoose, sequelize, typeorm, prisma, knex, lowdb, ...). */
  | 'orm'
  /** `fetch`, axios, http/https request, got, superagent. */
  | 'http'
  /** `fs` / `fs/promises`. */
  | 'fs'
  /** A database driver (pg, mysql, sqlite, redis, mongodb). */
  | 'db'
  | 'unknown';

/** A call that leaves the handler for data: `db.notes.insert(...)`, `User.findOne(...)`, `fetch(url)`. */
export interface DataCall {
  /** The callee as written, e.g. `db.notes.insert`. */
  callee: string;
  kind: DataCallKind;
  /** Package or project module it comes from, when known (`mongoose`, `./models/User`). */
  module?: string;
  loc: Loc;
  /** How the result is consumed. */
  style: 'await' | 'promise' | 'callback' | 'sync';
  context: FlowContext;
}

export type ResponseKind =
  | 'json'
  | 'send'
  | 'sendStatus'
  | 'end'
  | 'redirect'
  | 'render'
  | 'stream'
  | 'file'
  /** Only a status is set (`res.status(204)` with no body call seen; Koa `ctx.status = 204`). */
  | 'status-only'
  /** Koa `ctx.body = ...`. */
  | 'body';

/** A place where the function answers the request. */
export interface ResponseExit {
  kind: ResponseKind;
  /** Literal status when known (200 assumed for a body without status is NOT filled in: absent means not written). */
  status?: number;
  /** A status is set from an expression that is not a literal. */
  statusDynamic?: boolean;
  /** Short shape of the body: `{error}`, `{id, email}`, `{…}` (object with spread/computed), `[…]`, `text`, `value`. */
  bodyShape?: string;
  /** Header names set for this response in the same statement chain or before it in the function (`location`). */
  headers: string[];
  context: FlowContext;
  loc: Loc;
}

/** A place where the function leaves with an error. */
export interface ErrorExit {
  kind: 'next-error' | 'throw';
  context: FlowContext;
  loc: Loc;
}

export type ChainRole = 'middleware' | 'handler';

/** One function of a route's chain, in order: middleware first, the final handler last. */
export interface ChainFunction {
  role: ChainRole;
  /** As written at the registration: `auth.requireRole('doctor')`, `userController.createUser`, `(inline)`. */
  label: string;
  shape: ChainShape;
  /** Name of the function when it has one (`createUser`, `requireRole`), for display. */
  name?: string;
  /** Shape `wrapped` through a package's wrapper whose behaviour is known (`asyncHandler(fn)` of express-async-handler). */
  wrapper?: 'express-async-handler';
  /** Where the function itself is (its declaration / expression), when resolved. */
  loc?: Loc;
  /** The function node (ArrowFunction, FunctionExpression, FunctionDeclaration, MethodDeclaration). Live model only. */
  node?: Node;
  /** The argument at the registration this function came from. Live model only. */
  arg?: Node;
  /** Set when the function could not be found; the rest of the fields are then empty. */
  unresolved?: { reason: UnresolvedReason; detail: string };
  /** Whether the function can send a response (has a response exit). */
  mayRespond: boolean;
  /** Whether it calls `next()` (without an error) or, for Koa, `await next()`. */
  callsNext: boolean;
  /** Fields it assigns on the request object: `req.user = ...` → `['user']`; Koa `ctx.state.user` → `['state.user']`. */
  setsRequestFields: string[];
  reads: RequestRead[];
  dataCalls: DataCall[];
  responses: ResponseExit[];
  errorExits: ErrorExit[];
  /** Non-blank, non-comment lines of the function body that are not logging (a rough "how fat" figure). */
  logicLines: number;
  /** Parameter names as declared (`['req', 'res', 'next']`), so consumers know what to look for. */
  params: string[];
}

/** Names decided once for every consumer. */
export interface RouteNames {
  /** Plural resource, lower camel: `users`, `addresses`, `patientNotes`. */
  resource: string;
  /** Singular entity, Pascal: `User`, `Address`, `PatientNote`. */
  entity: string;
  /** Intent of the route: `Create`, `List`, `Get`, `Replace`, `Update`, `Delete`, `Head`, `Options`, `Handle`. */
  action: string;
  /** Base for DTO type names: `CreateUser`, `ListUsers`, `GetUser`. Append `Body`, `Query`. */
  dtoBase: string;
  /** Params DTO name, shared by all routes of one entity path: `UserParams`. */
  paramsType: string;
  /** Service class for the resource: `UsersService`. */
  serviceClass: string;
  /** Service method: `createUser`, `listUsers`, `getUser`. */
  serviceMethod: string;
}

/**
 * How a route was found when not written literally at its registration: `evaluation` (the registration code was
 * evaluated statically with literal values: a loop over a const object, a helper called with literal arguments,
 * recursion over a nested literal map), `directory-scan` (also a folder was read at analysis time, e.g.
 * `fs.readdirSync(path.join(__dirname, 'controllers'))`: the routes follow the files as they are when mapped).
 */
export interface RouteDiscovery {
  by: 'evaluation' | 'directory-scan';
  /** The call (or top-level statement) that was evaluated. */
  from: Loc;
  detail: string;
}

export interface Route {
  /** Stable within a build: `${METHOD} ${path} @ file:line` of the registration. */
  id: string;
  framework: Framework;
  method: HttpMethod;
  /** Full path with every mount prefix (`/api/users/:id`). Patterns that are not strings are shown as written. */
  path: string;
  /** The path as written at the registration (`/:id`). */
  pathAsWritten: string;
  /** Mount prefixes applied, outermost first (`['/api', '/users']`). */
  mounts: string[];
  /** The registration call (`router.get(...)`, or the `.get(...)` of a `route()` chain). */
  registration: Loc;
  /** Every function of the chain in order (router-level `router.use(fn)` middleware is not included). */
  chain: ChainFunction[];
  /** The final handler, when the chain has a resolved last function (same object as the last chain element). */
  handler?: ChainFunction;
  names: RouteNames;
  /** Set when part of the route could not be followed (e.g. its handler expression). */
  unresolved?: { reason: UnresolvedReason; detail: string };
  /** Set when the route comes from static evaluation rather than a literal registration. */
  discovered?: RouteDiscovery;
  /** The registration call node. Live model only. */
  call?: CallExpression;
}

/** Something the builder looked at and could not turn into a route (or a mount it could not follow). */
export interface UnresolvedSite {
  reason: UnresolvedReason;
  detail: string;
  loc: Loc;
  /** The method when known. */
  method?: string;
}

/**
 * A function of the project mounted with `use` (`router.use('/stats', fn)`, `app.use(fn)`): it runs for every method
 * and every path below its prefix, so it is not a route; kept so that consumers can say what they did with it.
 */
export interface MountedFunction {
  /** The prefix as written (`/stats`), or '' for none. */
  prefix: string;
  /** The `use` call. */
  registration: Loc;
  /** The function itself. */
  loc: Loc;
  /** The function node. Live model only. */
  node: Node;
  /** The `use` call node. Live model only. */
  call: CallExpression;
}

export interface AppModel {
  /** Absolute root folder (paths in JSON are relative to it). */
  root: string;
  routes: Route[];
  unresolved: UnresolvedSite[];
  /** Functions of the project mounted with `use` (live model only; not in the JSON form). */
  mountedFunctions: MountedFunction[];
  /**
   * Request properties the app's own code sets (`req.profile = user` in a `router.param` callback, express-jwt's
   * `userProperty: 'payload'`), each with the first place that sets it; never a member of Express's or Node's request
   * API, nor session or login state (request-properties.ts). Found in every file of the project, not only the
   * selected ones. Live model only.
   */
  requestProperties: Map<string, Loc>;
  /** Milliseconds the build took. */
  buildMs: number;
}

export interface BuildOptions {
  /** Root folder; paths in JSON are relative to it. */
  root: string;
  /** Files to look at (absolute paths); default: every non-declaration file of the project outside node_modules. */
  files?: string[];
  /**
   * Ask the checker for the type of each request read (`RequestRead.type`; default true). The transforms never look
   * at it and turn it off: on a real app it is most of the checker's time in the model.
   */
  readTypes?: boolean;
}

// ---------- JSON form (schemaVersion 1) ----------

export type ChainFunctionJson = Omit<ChainFunction, 'node' | 'arg'>;

export type RouteJson = Omit<Route, 'call' | 'chain' | 'handler'> & {
  chain: ChainFunctionJson[];
  /** Index in `chain` of the final handler, or null. */
  handlerIndex: number | null;
};

export interface AppModelJson {
  schemaVersion: 1;
  /** `.` (paths are relative to the folder the model was built for). */
  root: '.';
  routes: RouteJson[];
  unresolved: UnresolvedSite[];
}
