/**
 * `remodel run … --interactive`: review a change set hunk by hunk on a terminal before anything is written.
 * Each changed file's hunks are shown (colored) with the question accept / reject / accept the rest of the file /
 * reject the rest of the file / quit. The answer is a smaller change set (the same shape the engines produce), so
 * the ordinary apply path writes it: atomically, only changed files, line endings and modes kept.
 *
 * A file is only ever written whole or as a combination of its hunks that still parses: when the rejected hunks
 * would leave a file that does not parse, the reviewer is told and asked about the whole file instead. Files that
 * are created, deleted or moved are accepted or rejected as a whole.
 */
import { applyPatch, structuredPatch, type StructuredPatchHunk } from 'diff';
import pc from 'picocolors';
import type { ChangeSet, FileChange } from './changeset.js';
import { parseSource, parserFor } from './parse.js';
import type { ParserChoice } from './types.js';

export type Answer = 'yes' | 'no' | 'all' | 'done' | 'quit';

/** Asks one question about a hunk (or a whole file) and returns the answer. */
export type Ask = (message: string, choices: Answer[]) => Promise<Answer>;

export interface ReviewOptions {
  /** Where hunks are shown (the terminal's stderr). */
  write: (text: string) => void;
  ask: Ask;
  color: boolean;
  parser?: ParserChoice;
}

export interface ReviewResult {
  changeSet: ChangeSet;
  /** Files written whole, in part, or not at all. */
  whole: number;
  partial: number;
  rejected: number;
  quit: boolean;
}

const CONTEXT = 3;

/** The file's hunks, or none when they cannot reproduce its new text exactly (then only the whole file is offered). */
export function hunksOf(change: FileChange): StructuredPatchHunk[] | undefined {
  const before = change.before;
  const after = change.after;
  if (typeof before !== 'string' || typeof after !== 'string' || change.created || change.deleted || change.renamedFrom) return undefined;
  const { hunks } = structuredPatch(change.path, change.path, before, after, '', '', { context: CONTEXT });
  if (!hunks.length || applyHunks(before, hunks) !== after) return undefined;
  return hunks;
}

/** `before` with the given hunks (a subset of its diff, in order) applied. */
export function applyHunks(before: string, hunks: StructuredPatchHunk[]): string | false {
  if (!hunks.length) return before;
  return applyPatch(before, { oldFileName: '', newFileName: '', oldHeader: '', newHeader: '', hunks });
}

/** Whether `text` still parses as the file's language (files remodel cannot parse are not checked). */
export function parseProblem(file: string, text: string, parser: ParserChoice = 'auto'): string | undefined {
  if (!/\.[cm]?[jt]sx?$/.test(file)) return undefined;
  try {
    parseSource(text, parserFor(file, parser));
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}

function renderHunk(hunk: StructuredPatchHunk, color: boolean): string {
  const c = pc.createColors(color);
  const lines = [c.cyan(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`)];
  for (const line of hunk.lines) {
    const shown = line.replace(/\r$/, '');
    lines.push(line.startsWith('+') ? c.green(shown) : line.startsWith('-') ? c.red(shown) : line.startsWith('\\') ? c.dim(shown) : shown);
  }
  return lines.join('\n') + '\n';
}

function renderWholeFile(change: FileChange, color: boolean): string {
  const c = pc.createColors(color);
  if (change.deleted) return c.red(`deletes ${change.path}\n`);
  const before = typeof change.before === 'string' ? change.before : '';
  const after = typeof change.after === 'string' ? change.after : '';
  const head = change.created ? `creates ${change.path}` : change.renamedFrom ? `moves to ${change.path}` : `changes ${change.path}`;
  const { hunks } = structuredPatch(change.path, change.path, before, after, '', '', { context: CONTEXT });
  return c.bold(`${head}\n`) + hunks.map((h) => renderHunk(h, color)).join('');
}

/**
 * Walks the changed files of `changeSet` in path order and returns the change set of what was accepted: a file
 * accepted whole keeps its change, a partly accepted one gets the text of its accepted hunks, a rejected one is
 * listed as unchanged. Nothing is written here.
 */
export async function reviewChangeSet(changeSet: ChangeSet, options: ReviewOptions): Promise<ReviewResult> {
  const c = pc.createColors(options.color);
  const decided = new Map<FileChange, FileChange | undefined>(); // undefined: rejected
  let quit = false;
  let whole = 0;
  let partial = 0;
  let rejected = 0;
  const changed = changeSet.files.filter((f) => f.status === 'changed');
  for (const [index, change] of changed.entries()) {
    if (quit) {
      decided.set(change, undefined);
      continue;
    }
    const title = c.bold(`${change.path}`) + c.dim(` (file ${index + 1}/${changed.length})`);
    const hunks = hunksOf(change);
    let result: FileChange | undefined;
    if (!hunks) {
      options.write(`\n${title}\n${renderWholeFile(change, options.color)}`);
      const answer = await options.ask('Apply this file?', ['yes', 'no', 'quit']);
      if (answer === 'quit') quit = true;
      result = answer === 'yes' ? change : undefined;
    } else {
      const accepted: StructuredPatchHunk[] = [];
      let rest: 'yes' | 'no' | undefined;
      for (const [i, hunk] of hunks.entries()) {
        let answer: Answer;
        if (rest) answer = rest;
        else if (quit) answer = 'no';
        else {
          options.write(`\n${title} ${c.dim(`hunk ${i + 1}/${hunks.length}`)}\n${renderHunk(hunk, options.color)}`);
          answer = await options.ask('Apply this hunk?', ['yes', 'no', 'all', 'done', 'quit']);
        }
        if (answer === 'all') rest = 'yes';
        if (answer === 'done') rest = 'no';
        if (answer === 'quit') quit = true;
        if (answer === 'yes' || answer === 'all') accepted.push(hunk);
      }
      if (accepted.length === hunks.length) result = change;
      else if (accepted.length) {
        const text = applyHunks(change.before as string, accepted);
        const problem = text === false ? 'the accepted hunks do not apply' : parseProblem(change.absPath, text, options.parser);
        if (problem !== undefined || text === false) {
          options.write(c.yellow(`${change.path}: with only the accepted hunks the file would not parse (${problem}); it can only be taken whole.\n`));
          const answer = await options.ask(`Apply all of ${change.path}?`, ['yes', 'no']);
          result = answer === 'yes' ? change : undefined;
        } else {
          result = { ...change, after: text };
          partial++;
        }
      }
    }
    if (result === change) whole++;
    else if (!result) rejected++;
    decided.set(change, result);
  }
  const files = changeSet.files.map((f) => {
    if (!decided.has(f)) return f;
    const kept = decided.get(f);
    if (kept) return kept;
    const { before: _b, after: _a, created: _c, deleted: _d, renamedFrom: _r, ...rest } = f;
    return { ...rest, status: 'unchanged' as const };
  });
  return { changeSet: { ...changeSet, files }, whole, partial, rejected, quit };
}

const CHOICES: Record<Answer, { key: string; name: string }> = {
  yes: { key: 'y', name: 'yes: apply it' },
  no: { key: 'n', name: 'no: leave it as it is' },
  all: { key: 'a', name: 'apply it and the rest of this file' },
  done: { key: 'd', name: 'leave it and the rest of this file' },
  quit: { key: 'q', name: 'quit: leave everything not yet answered (what was accepted is still written)' },
};

/** Questions on a real terminal, with @inquirer/expand (single-letter answers, `h` lists them). */
export function terminalAsk(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Ask {
  return async (message, choices) => {
    const { default: expand } = await import('@inquirer/expand');
    return expand(
      {
        message,
        default: 'n',
        choices: choices.map((value) => ({ key: CHOICES[value].key as 'y', name: CHOICES[value].name, value })),
      },
      { input, output, clearPromptOnDone: false },
    );
  };
}
