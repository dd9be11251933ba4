/** The files of a `remodel map` run, their ts-morph project (loaded once) and the app model built from it. */
import path from 'node:path';
import { buildAppModel, toJSON, type AppModel, type AppModelJson } from '../app-model/index.js';
import { loadConfig } from '../config.js';
import { DEFAULT_EXTENSIONS } from '../defaults.js';
import { discover } from '../discover.js';
import { loadProject } from '../engine/project-engine.js';

export interface MapRequest {
  cwd: string;
  paths: string[];
  ignore?: string[];
  extensions?: string[];
}

export interface LoadedMap {
  files: string[];
  model: AppModel;
  json: AppModelJson;
  /** The request's own ignore patterns (the dry runs of the transforms add the config's themselves). */
  ignore: string[];
  timings: { discoverMs: number; loadMs: number; buildMs: number };
}

export async function loadAppMap(request: MapRequest): Promise<LoadedMap> {
  const cwd = path.resolve(request.cwd);
  const t0 = performance.now();
  const config = await loadConfig(cwd);
  const ignore = [...config.ignore, ...(request.ignore ?? [])];
  const { files } = await discover({ cwd, paths: request.paths, extensions: request.extensions ?? DEFAULT_EXTENSIONS, ignore });
  const t1 = performance.now();
  const project = loadProject(cwd, files);
  const t2 = performance.now();
  const model = buildAppModel(project, { root: cwd, files });
  const t3 = performance.now();
  return { files, model, json: toJSON(model), ignore: request.ignore ?? [], timings: { discoverMs: t1 - t0, loadMs: t2 - t1, buildMs: t3 - t2 } };
}
