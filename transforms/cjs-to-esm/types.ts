import { Node, type Expression, type Identifier, type SourceFile, type Statement } from 'ts-morph';

export type Options = { rename: boolean };

interface Blocker {
  reason: string;
  message: string;
  at?: number;
}

export type Target =
  | { type: 'builtin' }
  | { type: 'local'; file: string } // a candidate of this run (converted or left CommonJS)
  | { type: 'cjs'; file: string; spec: string } // CommonJS that stays CommonJS (package or local file)
  | { type: 'esm'; spec: string }
  | { type: 'json' }
  | { type: 'native' };

export interface Site {
  stmt: Statement;
  /** `bare`: require('x');  `bind`: const x = require('x');  `destructure`: const { a } = require('x');
   *  `chain`: const x = require('x').a / require('x')(…) */
  kind: 'bare' | 'bind' | 'destructure' | 'chain';
  spec: string;
  quote: string;
  declKind: string;
  name?: Identifier;
  pattern?: Node;
  init?: Expression;
  call?: Node; // the require call inside init
  target?: Target;
  /** Set when the import would be hoisted over side-effecting code. */
  late: boolean;
}

interface Kept {
  call: Node;
  /** Already reported (or nothing to report: JSON and native addons). */
  quiet?: boolean;
  spec?: string;
  target?: Target;
}

type Shape =
  | { kind: 'none' }
  | { kind: 'default'; stmt: Statement; prefixEnd: number; expr: Expression; ident?: string; viaExports: boolean; declared?: { start: number; name: string } }
  | { kind: 'object'; stmt: Statement; prefixEnd: number; expr: Expression; names: Map<string, string> }
  | { kind: 'props'; assigns: Array<{ stmt: Statement; key: string; value: Expression; local?: string }>; names: Map<string, string> };

export interface Info {
  sf: SourceFile;
  file: string;
  finalFile: string;
  strict: boolean;
  blockers: Blocker[];
  sites: Site[];
  kept: Kept[];
  needsRequire: boolean;
  dirnameUses: Node[];
  filenameUses: Node[];
  shape: Shape;
  /** Reads of `exports.k`/`module.exports.k` (props shape) or `module.exports` (default shape) to re-point. */
  exportReads: Array<{ node: Node; text: string }>;
  memberAssignPrefixes: Array<{ start: number; end: number }>;
  needsObject: boolean;
  needsInterop: boolean;
  /** Literal beginnings of `require(variable)` arguments ('' when there is none). */
  dynamicPrefixes: string[];
  convert: boolean;
  names: Set<string>;
}

// ---------------------------------------------------------------------------------------------------------------
// Rewriting

export interface Edit {
  start: number;
  end: number;
  text: string;
}
