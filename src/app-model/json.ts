import path from 'node:path';
import type { AppModel, AppModelJson, ChainFunction, ChainFunctionJson, Loc, RouteJson, UnresolvedSite } from './types.js';

/**
 * The JSON form of the model (schemaVersion 1, documented in README.md): no ts-morph nodes, file paths relative to
 * the model's root with `/` separators, keys in a fixed order, optional fields left out when empty.
 */
export function toJSON(model: AppModel): AppModelJson {
  const rel = (file: string) => path.relative(model.root, file).split(path.sep).join('/');
  const loc = (l: Loc): Loc => ({ file: rel(l.file), line: l.line, column: l.column, ...(l.endLine !== undefined ? { endLine: l.endLine } : {}) });
  const fn = (c: ChainFunction): ChainFunctionJson => ({
    role: c.role,
    label: c.label,
    shape: c.shape,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.wrapper ? { wrapper: c.wrapper } : {}),
    ...(c.loc ? { loc: loc(c.loc) } : {}),
    ...(c.unresolved ? { unresolved: { reason: c.unresolved.reason, detail: c.unresolved.detail } } : {}),
    mayRespond: c.mayRespond,
    callsNext: c.callsNext,
    setsRequestFields: [...c.setsRequestFields],
    reads: c.reads.map((r) => ({ source: r.source, path: [...r.path], ...(r.type !== undefined ? { type: r.type } : {}), loc: loc(r.loc), context: r.context })),
    dataCalls: c.dataCalls.map((d) => ({ callee: d.callee, kind: d.kind, ...(d.module !== undefined ? { module: d.module } : {}), loc: loc(d.loc), style: d.style, context: d.context })),
    responses: c.responses.map((r) => ({
      kind: r.kind,
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.statusDynamic ? { statusDynamic: true } : {}),
      ...(r.bodyShape !== undefined ? { bodyShape: r.bodyShape } : {}),
      headers: [...r.headers],
      context: r.context,
      loc: loc(r.loc),
    })),
    errorExits: c.errorExits.map((e) => ({ kind: e.kind, context: e.context, loc: loc(e.loc) })),
    logicLines: c.logicLines,
    params: [...c.params],
  });
  const routes: RouteJson[] = model.routes.map((r) => {
    const handlerIndex = r.handler ? r.chain.indexOf(r.handler) : -1;
    return {
      id: `${r.method.toUpperCase()} ${r.path} @ ${rel(r.registration.file)}:${r.registration.line}`,
      framework: r.framework,
      method: r.method,
      path: r.path,
      pathAsWritten: r.pathAsWritten,
      mounts: [...r.mounts],
      registration: loc(r.registration),
      chain: r.chain.map(fn),
      handlerIndex: handlerIndex >= 0 ? handlerIndex : null,
      names: { ...r.names },
      ...(r.unresolved ? { unresolved: { reason: r.unresolved.reason, detail: r.unresolved.detail } } : {}),
      ...(r.discovered ? { discovered: { by: r.discovered.by, from: loc(r.discovered.from), detail: r.discovered.detail } } : {}),
    };
  });
  const unresolved: UnresolvedSite[] = model.unresolved.map((u) => ({ reason: u.reason, detail: u.detail, loc: loc(u.loc), ...(u.method ? { method: u.method } : {}) }));
  return { schemaVersion: 1, root: '.', routes, unresolved };
}
