// Business logic of routes/fixes.ts, moved out of its route handlers by remodel extract-service.
import { defaultStore } from '../store';
import { NotFoundError } from './errors';

interface Fixes {
  fixes: string[];
  correct: number;
}

const cache: Record<string, Fixes> = {};

// exported for the report: moves with the logic, and this module exports it again from the service
export const readFixes = (key: string): Fixes => {
  if (!cache[key]) cache[key] = { fixes: defaultStore.get(key) ?? [], correct: 0 };
  return cache[key];
};

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
