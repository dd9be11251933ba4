import type { Project } from 'ts-morph';
import type { AppModel, BuildOptions } from './types.js';

/** Builds the app model from a loaded ts-morph project (placeholder until the builder lands). */
export function buildAppModel(project: Project, opts: BuildOptions): AppModel {
  void project;
  return { root: opts.root, routes: [], unresolved: [], buildMs: 0 };
}
