import { diffArrays } from 'diff';
import type { FileChange } from '../changeset.js';

export interface UnifiedFileDiff {
  /** Header lines (`diff --git`, mode lines, `---`, `+++`). */
  header: string[];
  /** Hunk lines, `@@` lines included, each without its trailing newline (a CR of CRLF files is kept). */
  hunks: string[];
}

const DEFAULT_MODE = 0o100644;

function modeString(mode: number | undefined): string {
  const m = mode ?? DEFAULT_MODE;
  // git knows two blob modes; anything executable is 755.
  return m & 0o111 ? '100755' : '100644';
}

const C_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * A path as git writes it in a patch header: as it is, or C-quoted (`"a/tab\tname.js"`) when it holds a double quote, a
 * backslash or a control character, which `git apply` would otherwise misread (adversarial round 18, F13). Other
 * bytes, non-ASCII letters included, stay as they are; git apply reads them either way.
 */
export function gitQuote(name: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(name)) return name;
  return `"${name.replace(/["\\\x00-\x1f\x7f]/g, (c) => C_ESCAPES[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`;
}

/**
 * Renders one file change as a git-style unified diff with `a/` and `b/` prefixes on `displayPath` (and on
 * `fromPath` for a moved file, written as a rename that `git apply` performs).
 */
export function unifiedDiff(change: FileChange, displayPath: string, context = 3, fromPath?: string): UnifiedFileDiff {
  const before = change.before ?? '';
  const after = change.after ?? '';
  const created = change.created || change.before === null;
  const deleted = change.deleted || change.after === null;
  const oldPath = fromPath ?? displayPath;
  const header = [`diff --git ${gitQuote(`a/${oldPath}`)} ${gitQuote(`b/${displayPath}`)}`];
  if (created) header.push(`new file mode ${modeString(change.mode)}`);
  if (deleted) header.push(`deleted file mode ${modeString(change.mode)}`);
  if (oldPath !== displayPath) header.push(`rename from ${gitQuote(oldPath)}`, `rename to ${gitQuote(displayPath)}`);
  if (before === after && oldPath !== displayPath) return { header, hunks: [] };
  header.push(created ? '--- /dev/null' : `--- ${gitQuote(`a/${oldPath}`)}`);
  header.push(deleted ? '+++ /dev/null' : `+++ ${gitQuote(`b/${displayPath}`)}`);
  return { header, hunks: renderHunks(splitLines(before), splitLines(after), context) };
}

/** Lines with their `\n` (a CR of CRLF stays in the line); the last one has none when the text does not end in one. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** A run of the edit script: `count` lines equal, deleted from `a` or inserted from `b`. */
interface Run {
  kind: 'equal' | 'delete' | 'insert';
  count: number;
}

/** Myers is O((N+M)·D): below this much work per region it runs as is, else its edit length is capped. */
const MYERS_BUDGET = 4_000_000;

/**
 * A line diff that stays fast on files with tens of thousands of edits (Myers alone is quadratic in the edit
 * count there): common prefix and suffix are cut off, lines that occur once on each side anchor the rest
 * (patience diff), and only the regions between anchors go to Myers, with a bounded edit length. A region Myers
 * cannot finish within its budget is aligned line by line when both sides have as many lines (the usual shape of
 * a codemod's edits), else replaced as a whole: always a correct diff, at worst a less minimal one.
 */
export function diffLineRuns(a: string[], b: string[]): Run[] {
  const runs: Run[] = [];
  const push = (kind: Run['kind'], count: number) => {
    if (count <= 0) return;
    const last = runs.at(-1);
    if (last && last.kind === kind) last.count += count;
    else runs.push({ kind, count });
  };
  const region = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
    push('equal', prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    if (aLo === aHi || bLo === bHi) {
      push('delete', aHi - aLo);
      push('insert', bHi - bLo);
    } else if ((aHi - aLo + bHi - bLo) * Math.min(aHi - aLo, bHi - bLo) <= MYERS_BUDGET || !patience(aLo, aHi, bLo, bHi)) {
      myers(aLo, aHi, bLo, bHi);
    }
    push('equal', suffix);
  };
  /** Splits the region at lines unique on both sides (their longest increasing sequence); false when there are none. */
  const patience = (aLo: number, aHi: number, bLo: number, bHi: number): boolean => {
    const counts = new Map<string, { a: number; b: number; aAt: number; bAt: number }>();
    for (let i = aLo; i < aHi; i++) {
      const c = counts.get(a[i]);
      if (c) c.a++;
      else counts.set(a[i], { a: 1, b: 0, aAt: i, bAt: -1 });
    }
    for (let j = bLo; j < bHi; j++) {
      const c = counts.get(b[j]);
      if (c) {
        c.b++;
        c.bAt = j;
      }
    }
    const pairs: Array<[number, number]> = [];
    for (const c of counts.values()) if (c.a === 1 && c.b === 1) pairs.push([c.aAt, c.bAt]);
    if (!pairs.length) return false;
    pairs.sort((x, y) => x[0] - y[0]);
    // Longest increasing subsequence of the b positions (patience sorting), O(k log k).
    const tails: number[] = [];
    const prev = new Array<number>(pairs.length).fill(-1);
    for (let k = 0; k < pairs.length; k++) {
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) prev[k] = tails[lo - 1];
      tails[lo] = k;
    }
    const anchors: Array<[number, number]> = [];
    for (let k = tails[tails.length - 1]; k !== -1; k = prev[k]) anchors.push(pairs[k]);
    anchors.reverse();
    let ai = aLo;
    let bi = bLo;
    for (const [x, y] of anchors) {
      region(ai, x, bi, y);
      push('equal', 1);
      ai = x + 1;
      bi = y + 1;
    }
    region(ai, aHi, bi, bHi);
    return true;
  };
  const myers = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const n = aHi - aLo + bHi - bLo;
    const maxEditLength = Math.max(64, Math.floor(MYERS_BUDGET / n));
    const changes = diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi), { maxEditLength });
    if (changes) {
      for (const c of changes) push(c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.count ?? c.value.length);
    } else if (aHi - aLo === bHi - bLo) {
      for (let i = 0; i < aHi - aLo; i++) {
        if (a[aLo + i] === b[bLo + i]) push('equal', 1);
        else {
          let k = i;
          while (k < aHi - aLo && a[aLo + k] !== b[bLo + k]) k++;
          push('delete', k - i);
          push('insert', k - i);
          i = k - 1;
        }
      }
    } else {
      push('delete', aHi - aLo);
      push('insert', bHi - bLo);
    }
  };
  region(0, a.length, 0, b.length);
  return runs;
}

const NO_NEWLINE = '\\ No newline at end of file';

/** Unified hunks (`@@` lines and their lines) with `context` lines around each change, from the line runs. */
export function renderHunks(a: string[], b: string[], context = 3): string[] {
  // Changes as [aStart, aEnd, bStart, bEnd): maximal runs of deletions and insertions.
  const changes: Array<[number, number, number, number]> = [];
  let ai = 0;
  let bi = 0;
  for (const run of diffLineRuns(a, b)) {
    if (run.kind === 'equal') {
      ai += run.count;
      bi += run.count;
      continue;
    }
    const last = changes.at(-1);
    const open = last && last[1] === ai && last[3] === bi ? last : undefined;
    const change = open ?? ([ai, ai, bi, bi] as [number, number, number, number]);
    if (run.kind === 'delete') ai += run.count;
    else bi += run.count;
    change[1] = ai;
    change[3] = bi;
    if (!open) changes.push(change);
  }
  const out: string[] = [];
  const line = (prefix: string, text: string) => {
    if (text.endsWith('\n')) out.push(prefix + text.slice(0, -1));
    else out.push(prefix + text, NO_NEWLINE);
  };
  for (let i = 0; i < changes.length; ) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1][0] - changes[j][1] <= 2 * context) j++;
    const aFrom = Math.max(0, changes[i][0] - context);
    const aTo = Math.min(a.length, changes[j][1] + context);
    const bFrom = changes[i][2] - (changes[i][0] - aFrom);
    const bTo = changes[j][3] + (aTo - changes[j][1]);
    const oldLines = aTo - aFrom;
    const newLines = bTo - bFrom;
    // In unified format a side with no lines names the line before the change ("-0,0" for a new file).
    out.push(`@@ -${oldLines === 0 ? aFrom : aFrom + 1},${oldLines} +${newLines === 0 ? bFrom : bFrom + 1},${newLines} @@`);
    let at = aFrom;
    for (let k = i; k <= j; k++) {
      const [aStart, aEnd, bStart, bEnd] = changes[k];
      for (; at < aStart; at++) line(' ', a[at]);
      for (let x = aStart; x < aEnd; x++) line('-', a[x]);
      for (let y = bStart; y < bEnd; y++) line('+', b[y]);
      at = aEnd;
    }
    for (; at < aTo; at++) line(' ', a[at]);
    i = j + 1;
  }
  return out;
}
