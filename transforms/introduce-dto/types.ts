import type { FieldInfo, SourceKind } from './reads.js';
import type { FieldLevel, FieldSummary } from './render.js';
import type { Route } from '../../src/app-model/types.js';
import type { Framework, HandlerFn } from './reads.js';
import { applyEdits, type Edit } from './edits.js';

/** A route of the app model with the parts introduce-dto edits. */
export interface RouteSite {
  route: Route;
  framework: Framework;
  verb: string;
  fullPath: string;
  call: import('ts-morph').CallExpression;
  handler: HandlerFn;
  /** The handler is written in the call (not passed by name). */
  inline: boolean;
  reqParam: import('ts-morph').ParameterDeclaration;
}

export type Anchor =
  | { kind: 'annotate'; pos: number }
  | { kind: 'wrap'; start: number; end: number; name: string }
  | { kind: 'type-args'; pos: number }
  | { kind: 'replace-type'; start: number; end: number }
  | { kind: 'jsdoc'; pos: number; newline: string };

export interface Plan {
  id: number;
  label: string;
  framework: Framework;
  js: boolean;
  filePath: string;
  callFilePath: string;
  callStart: number;
  callEnd: number;
  handlerStart: number;
  handlerEnd: number;
  sources: Array<{ kind: SourceKind; info: FieldInfo; base: string }>;
  levels: Map<SourceKind, Map<string, FieldLevel>>;
  planLevel: 0 | 1 | 2;
  dropReason?: string;
  anchor: Anchor;
  /** What the annotation wraps the DTOs in. */
  style: 'express-request' | 'fastify-request' | 'koa-call' | 'fastify-call';
  /** `const h: RequestHandler = (req, res) => ...`: where the declared handler type takes the same arguments. */
  handlerTypeArgsPos?: number;
  reqName: string;
  zod?: { pos: number; indent: string; unit: string; req: string; res: string };
  action: string;
  entity: string;
  /** Final names in the current iteration. */
  names: Map<SourceKind, string>;
  summaries: Map<SourceKind, FieldSummary[]>;
}

export interface FileFacts {
  path: string;
  js: boolean;
  text: string;
  importPos: number;
  importAfter: boolean;
  quote: string;
  semi: string;
  unit: string;
  jsExt: boolean;
  identifiers: Set<string>;
  requestImport?: { ref: string; line?: string };
  fastifyImport?: { ref: string; line?: string };
  typedefPos: number;
  dtoPath: string;
}

// ---------- building texts ----------

export interface Built {
  texts: Map<string, string>;
  maps: Map<string, ReturnType<typeof applyEdits>>;
  dtoTexts: Map<string, string>;
  /** dto file → [start, end, plan ids] of each declaration. */
  dtoBlocks: Map<string, Array<{ start: number; end: number; owners: number[] }>>;
  /** Edits with their owners, by file. */
  edits: Map<string, Edit[]>;
}

// ---------- checking ----------

export interface Diag {
  file: string;
  start?: number;
  code: number;
  message: string;
}
