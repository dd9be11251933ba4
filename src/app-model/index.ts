/**
 * The app model: routes and data flow of an Express / Koa / Fastify backend. See types.ts (the contract) and
 * README.md (the JSON schema).
 */
export type * from './types.js';
export { buildAppModel } from './build.js';
export { toJSON } from './json.js';
