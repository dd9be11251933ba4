/**
 * What `remodel map` shows of one route, derived from the app model's JSON form (src/app-model): the same words
 * in the terminal tree, the Mermaid flowchart and the HTML page.
 */
import type {
  AppModelJson,
  ChainFunctionJson,
  DataCall,
  ErrorExit,
  Framework,
  Loc,
  RequestRead,
  ResponseExit,
  RouteJson,
  UnresolvedReason,
} from '../app-model/index.js';

export interface ChainStep {
  role: 'middleware' | 'handler';
  /** As written at the registration. */
  label: string;
  /** `controllers/notes.js:12`, when the function was found. */
  where?: string;
  unresolved?: { reason: UnresolvedReason; detail: string };
}

export interface RouteView {
  index: number;
  id: string;
  framework: Framework;
  /** Upper case: `POST`, `ALL`. */
  method: string;
  path: string;
  chain: ChainStep[];
  /** Reads of the whole chain, deduplicated: `body.text: string`, `params.id`, `req.user`. */
  reads: string[];
  /** Calls that leave the chain for data, deduplicated: `db.notes.insert`. */
  dataCalls: Array<{ callee: string; kind: DataCall['kind']; module?: string }>;
  /** Responses then error exits: `201 {…}`, `404 {error}`, `redirect`, `next(err)`, `throw`. */
  exits: string[];
  /** The route, or a function of its chain, could not be followed. */
  unresolved: Array<{ reason: UnresolvedReason; detail: string; what: string }>;
  /** Where the route is registered: `routes/notes.js:8`. */
  registeredAt: string;
  /** The route (or a mount above it) was found by static evaluation: `found by directory scan`, where, and why. */
  discovered?: { text: string; from: string; detail: string };
  /** Size of the final handler. */
  handler?: { label: string; where?: string; logicLines: number; dataCalls: number; responses: number };
}

export function at(loc: Pick<Loc, 'file' | 'line'>): string {
  return `${loc.file}:${loc.line}`;
}

export function readLabel(read: Pick<RequestRead, 'source' | 'path' | 'type'>): string {
  const name = read.path.length ? `${read.source}.${read.path.join('.')}` : read.source;
  return read.type ? `${name}: ${read.type}` : name;
}

export function responseLabel(r: ResponseExit): string {
  const status = r.status !== undefined ? String(r.status) : r.statusDynamic ? 'status(…)' : '';
  let what: string;
  switch (r.kind) {
    case 'json':
    case 'send':
    case 'body':
      what = r.bodyShape ?? r.kind;
      break;
    case 'sendStatus':
    case 'status-only':
      what = status ? '' : r.kind;
      break;
    default:
      what = r.kind; // end, redirect, render, stream, file
  }
  const text = [status, what].filter(Boolean).join(' ');
  return r.context === 'direct' ? text : `${text} (in ${r.context})`;
}

export function errorLabel(e: ErrorExit): string {
  const text = e.kind === 'next-error' ? 'next(err)' : 'throw';
  return e.context === 'direct' ? text : `${text} (in ${e.context})`;
}

const uniq = <T>(items: T[], key: (t: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

function step(fn: ChainFunctionJson): ChainStep {
  return {
    role: fn.role,
    label: fn.label,
    ...(fn.loc ? { where: at(fn.loc) } : {}),
    ...(fn.unresolved ? { unresolved: fn.unresolved } : {}),
  };
}

/** How a route was found, in words a reader of the map understands. */
export function discoveredView(d: NonNullable<RouteJson['discovered']>): NonNullable<RouteView['discovered']> {
  return { text: d.by === 'directory-scan' ? 'found by directory scan' : 'found by static evaluation', from: at(d.from), detail: d.detail };
}

export function routeView(route: RouteJson, index: number): RouteView {
  const chain = route.chain;
  const reads: string[] = [];
  const readTypes = new Map<string, string | undefined>();
  for (const fn of chain) {
    for (const r of fn.reads) {
      const name = readLabel({ ...r, type: undefined });
      if (!readTypes.has(name)) {
        reads.push(name);
        readTypes.set(name, r.type);
      } else if (!readTypes.get(name) && r.type) readTypes.set(name, r.type);
    }
  }
  const handler = route.handlerIndex === null ? undefined : chain[route.handlerIndex];
  const unresolved: RouteView['unresolved'] = [];
  // The route's own reason is left out when it only repeats the reason of a function of its chain.
  const sameAsChain = route.chain.some((fn) => fn.unresolved && fn.unresolved.reason === route.unresolved?.reason && fn.unresolved.detail === route.unresolved?.detail);
  if (route.unresolved && !sameAsChain) unresolved.push({ ...route.unresolved, what: 'route' });
  for (const fn of chain) if (fn.unresolved) unresolved.push({ ...fn.unresolved, what: fn.label });
  return {
    index,
    id: route.id,
    framework: route.framework,
    method: route.method.toUpperCase(),
    path: route.path,
    chain: chain.map(step),
    reads: reads.map((name) => (readTypes.get(name) ? `${name}: ${readTypes.get(name)}` : name)),
    dataCalls: uniq(
      chain.flatMap((fn) => fn.dataCalls),
      (d) => d.callee,
    ).map((d) => ({ callee: d.callee, kind: d.kind, ...(d.module ? { module: d.module } : {}) })),
    exits: uniq(
      [...chain.flatMap((fn) => fn.responses.map(responseLabel)), ...chain.flatMap((fn) => fn.errorExits.map(errorLabel))],
      (s) => s,
    ),
    unresolved: uniq(unresolved, (u) => `${u.what}\0${u.reason}\0${u.detail}`),
    registeredAt: at(route.registration),
    ...(route.discovered ? { discovered: discoveredView(route.discovered) } : {}),
    ...(handler
      ? {
          handler: {
            label: handler.label,
            ...(handler.loc ? { where: at(handler.loc) } : {}),
            logicLines: handler.logicLines,
            dataCalls: handler.dataCalls.length,
            responses: handler.responses.length,
          },
        }
      : {}),
  };
}

export interface MapSummary {
  routes: number;
  byFramework: Array<[Framework, number]>;
  /** Routes with an unresolved part. */
  unresolvedRoutes: number;
  /** Registrations and mounts that did not become a route. */
  unresolvedSites: number;
}

export function summarizeModel(model: AppModelJson): MapSummary {
  const counts = new Map<Framework, number>();
  for (const r of model.routes) counts.set(r.framework, (counts.get(r.framework) ?? 0) + 1);
  return {
    routes: model.routes.length,
    byFramework: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    unresolvedRoutes: model.routes.filter((r) => r.unresolved || r.chain.some((fn) => fn.unresolved)).length,
    unresolvedSites: model.unresolved.length,
  };
}

export function summaryLine(s: MapSummary): string {
  const frameworks = s.byFramework.length ? ` (${s.byFramework.map(([f, n]) => `${f} ${n}`).join(', ')})` : '';
  return (
    `${s.routes} route${s.routes === 1 ? '' : 's'}${frameworks}, ` +
    `${s.unresolvedRoutes} with unresolved parts, ${s.unresolvedSites} site${s.unresolvedSites === 1 ? '' : 's'} not followed`
  );
}
