// Business logic of routes/fixes.ts, moved out of its route handlers by remodel extract-service.
import { defaultStore } from '../store';
import { NotFoundError } from './errors';

// exported for the report, a type: moves with the logic and is exported again as a type
export interface Fixes {
  fixes: string[];
  correct: number;
}

const cache: Record<string, Fixes> = {};

// exported for the report, with overloads: moves with the logic, and this module exports it again from the service
export function readFixes(key: string): Fixes;
export function readFixes(key: string, limit: number): Fixes;
export function readFixes(key: string, limit?: number): Fixes {
  if (!cache[key]) cache[key] = { fixes: defaultStore.get(key) ?? [], correct: 0 };
  return limit === undefined ? cache[key] : { ...cache[key], fixes: cache[key].fixes.slice(0, limit) };
}

export interface GetFixInput {
  key: string;
}

export interface GetFixCountInput {
  store: import('../store').Store;
  key: string;
}

export class FixesService {
  /**
   * GET /fixes/:key (routes/fixes.ts)
   */
  getFix(input: GetFixInput) {
    const { key } = input;
    const fixData = readFixes(key.toLowerCase());
    if (fixData.fixes.length === 0) {
      throw new NotFoundError('No fixes found');
    }
    return { fixes: fixData.fixes };
  }

  /**
   * GET /fixes/:key/count (routes/fixes.ts)
   */
  getFixCount(input: GetFixCountInput) {
    const { store, key } = input;
    const fixes = store.get(key);
    if (!fixes) {
      throw new NotFoundError('No fixes found');
    }
    return { count: fixes.length };
  }
}
