/**
 * extract-service, issue 14: the epilogue of an error-first callback chain. The statements that end the last
 * callback and answer the request (`req.logout(); req.flash(…); res.redirect('/')`, `res.render('index', { users:
 * users.filter(ferrets) })`) stay in the controller, word for word, and run once the service answered; the service
 * returns the values of the logic they read (`return { count, users }`).
 *
 * Why a throw there keeps its behaviour: inside the library's callback such a throw escaped into the library (a local
 * API deferring with `process.nextTick`, mongoose 5's `utils.tick` that rethrows on `process.nextTick`): an uncaught
 * exception. The controller runs the epilogue as the success reaction of `.then(ok, onError)`, so the service's own
 * failure still takes the error path (`next(err)`, domain errors answered) and nothing the epilogue throws reaches
 * `next`: the promise `.then` returns rejects. An unhandled rejection is raised as an uncaught exception by Node 15
 * and later (default `--unhandled-rejections=throw`), but only warns on Node 14 and before, where the request would
 * hang instead of the process crashing; so unless the package declares `engines.node` of 15 or later, the chain
 * ends with `.catch((err) => process.nextTick(() => { throw err; }))`, the very rethrow mongoose does (where the
 * program does not declare `process`, no @types/node, `queueMicrotask`, whose callback's throw Node reports as an
 * uncaught exception too; neither declared: refused, `callback-may-throw`). The chain is
 * never returned to the router, so Express 5's handling of rejected handler promises does not see it either.
 */
import semver from 'semver';
import type { SourceFile } from 'ts-morph';
import { nearestPackage } from '../../src/target.js';
import type { RouteSite } from './routes.js';

export interface Epilogue {
  /** The parameter of the controller's success reaction: '' (nothing returned), `users`, `{ count, users }`. */
  param: string;
  /** End the chain with a rethrow outside the promise (the runtime may only warn on an unhandled rejection). */
  rethrow?: 'process.nextTick' | 'queueMicrotask';
}

const bySite = new WeakMap<RouteSite, Epilogue>();

export function setEpilogue(site: RouteSite, e: Epilogue): void {
  bySite.set(site, e);
}

export function clearEpilogue(site: RouteSite): void {
  bySite.delete(site);
}

/** The epilogue the analysis of this handler kept in the controller, if any (read by controllerText). */
export function epilogueOf(site: RouteSite): Epilogue | undefined {
  return bySite.get(site);
}

/** Whether the package of a file declares a runtime that raises unhandled rejections as uncaught exceptions. */
export function rejectionsCrash(file: SourceFile): boolean {
  const range = nearestPackage(file.getFilePath())?.json.engines?.node;
  if (typeof range !== 'string') return false;
  try {
    const min = semver.minVersion(range);
    return !!min && semver.gte(min, '15.0.0');
  } catch {
    return false;
  }
}

/**
 * The controller's success reaction and its chain end, in the host's function style: one element per line, indented
 * relative to the service call (the ok lines may hold line breaks of a kept multi-line statement, already indented).
 */
export function epilogueChain(e: Epilogue, ok: { head: string; lines: string[] }, onError: { head: string; lines: string[] } | string, o: { u: string; semi: string; arrow: boolean; errName: string }): string[] {
  const { u, semi, arrow, errName } = o;
  const out = [`${u}.then(${ok.head}`, ...ok.lines.map((l) => `${u}${u}${l}`)];
  const end = e.rethrow ? '' : semi;
  if (typeof onError === 'string') out.push(`${u}}, ${onError})${end}`);
  else out.push(`${u}}, ${onError.head}`, ...onError.lines.map((l) => `${u}${u}${l}`), `${u}})${end}`);
  if (e.rethrow) {
    const s = semi || ';';
    const f = e.rethrow;
    out.push(arrow ? `${u}.catch((${errName}) => ${f}(() => { throw ${errName}${s} }))${semi}` : `${u}.catch(function (${errName}) { ${f}(function () { throw ${errName}${s} })${s} })${semi}`);
  }
  return out;
}
