import { ts } from 'ts-morph';
import { ColdChecks, fileDiagnostics, importResolver, stemOf, unmatchedDiagnostics } from '../../src/engine/file-diagnostics.js';
import type { FieldInfo, SourceKind } from './reads.js';
import type { FieldLevel } from './render.js';
import type { Built, Diag, Plan } from './types.js';

/**
 * The files of the project that import one of the changed files, which the check must look at too. A specifier the
 * compiler cannot resolve counts when its last segment is a changed file's name, as nothing rules it out.
 */
export function dependentFiles(project: import('ts-morph').Project, changed: Set<string>): string[] {
  const stems = new Set([...changed].map(stemOf));
  const importsOf = importResolver(project);
  const out: string[] = [];
  for (const sf of project.getSourceFiles()) {
    const file = sf.getFilePath();
    if (changed.has(file) || file.includes('/node_modules/') || sf.isDeclarationFile()) continue;
    const { files, unresolved } = importsOf(file, sf.getFullText());
    if (files.some((f) => changed.has(f)) || unresolved.some((spec) => stems.has(stemOf(spec)))) out.push(file);
  }
  return out;
}

/** `checks`: a checker other than the program's own (ColdChecks). */
function programDiagnostics(program: ts.Program, files: Iterable<string>, checks?: ColdChecks): Diag[] {
  const out: Diag[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const d of checks ? checks.of(sf) : [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      out.push({ file, start: d.start, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return out;
}

export function diagnosticsOf(project: import('ts-morph').Project, files: Set<string>): Diag[] {
  return programDiagnostics(project.getProgram().compilerObject, files);
}

/**
 * The diagnostics of the checked files after each round of edits, from the project's kept diagnostics
 * (src/engine/file-diagnostics.ts): a file keeps the last round's diagnostics when neither it nor any project file it
 * imports (transitively) changed, so the type-check loop, which changes a few handlers per round, does not check the
 * rest again, and neither does the engine's check after the transform.
 */
export class RoundChecks {
  constructor(private readonly project: import('ts-morph').Project) {}

  of(files: Set<string>): Diag[] {
    const program = this.project.getProgram().compilerObject;
    const kept = fileDiagnostics(this.project);
    const out: Diag[] = [];
    for (const file of files) {
      for (const d of kept.of(program, file)) out.push({ file, start: d.start, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
    return out;
  }
}

/**
 * The diagnostics of the checked files as loaded. A file's are computed only when the program after an edit has
 * diagnostics in it (only those can match), from the program as it was before the first edit: ts-morph builds a
 * new program for every edit and never changes an old one, so keeping it is enough.
 */
export class Baseline {
  readonly program: ts.Program;
  private readonly byFile = new Map<string, Diag[]>();
  /** The checks after each round of edits (see `newDiagnostics`). */
  rounds?: RoundChecks;

  constructor(
    project: import('ts-morph').Project,
    private readonly files: Set<string>,
  ) {
    this.program = project.getProgram().compilerObject;
  }

  /** Whether the file was one of the checked files as loaded. */
  has(file: string): boolean {
    return this.files.has(file);
  }

  of(files: Iterable<string>): Diag[] {
    const out: Diag[] = [];
    for (const file of files) {
      if (!this.files.has(file)) continue;
      let list = this.byFile.get(file);
      if (!list) this.byFile.set(file, (list = programDiagnostics(this.program, [file])));
      out.push(...list);
    }
    return out;
  }
}

export function newDiagnostics(project: import('ts-morph').Project, files: Set<string>, baseline: Baseline): Diag[] {
  const after = (baseline.rounds ??= new RoundChecks(project)).of(files);
  const found = unmatched(baseline.of(new Set(after.map((d) => d.file))), after);
  if (!found.length) return found;
  // A second opinion, as the engine's check after a transform has (project-engine.ts, introducedDiagnostics): the
  // checkers above were warmed by the transform's type queries and by earlier rounds, and TypeScript words some errors
  // of the original code by what it computed before (hackathon-starter: a header typed number reported on the
  // property or on the whole object literal, a mongoose static missing or not), which made every handler of its
  // files "not compile". The files with errors that look new are checked again, before and after, from cold.
  const suspects = [...new Set(found.map((d) => d.file))];
  const cold = (program: ts.Program, files: string[]) => programDiagnostics(program, files, new ColdChecks(program));
  const now = project.getProgram().compilerObject;
  return unmatched(cold(baseline.program, suspects.filter((f) => baseline.has(f))), cold(now, suspects));
}

/** The diagnostics after that are not among those before, matched by file, code and message (and counted). */
function unmatched(before: Diag[], after: Diag[]): Diag[] {
  return unmatchedDiagnostics(before, after, (d) => `${d.file}\0${d.code}\0${d.message}`);
}

function escalatePlan(p: Plan, message: string): void {
  if (p.planLevel === 0) p.planLevel = 1;
  else {
    p.planLevel = 2;
    p.dropReason = `the typed handler does not compile: ${message.split('\n')[0]}`;
  }
}

function escalateField(p: Plan, kind: SourceKind, name: string, info: FieldInfo): void {
  const levels = p.levels.get(kind) ?? new Map<string, FieldLevel>();
  p.levels.set(kind, levels);
  const level = levels.get(name) ?? 0;
  if (level === 2) return;
  const summary = p.summaries.get(kind)?.find((f) => f.name === name);
  // (made required only when no schema checks it: a zod schema would then answer 400 to requests the handler takes)
  levels.set(name, level === 0 && info.optional && summary && summary.concrete && !p.zod ? 1 : 2);
}

/** Points each new diagnostic at the fields (or handlers) it comes from and degrades them one step. */
export function blame(fresh: Diag[], plans: Plan[], built: Built): void {
  const active = plans.filter((p) => p.planLevel < 2);
  const wholePlan = new Map<Plan, string>();
  const fields = new Map<Plan, Map<string, { kind: SourceKind; name: string; info: FieldInfo }>>();
  const blamePlan = (p: Plan, d: Diag) => {
    if (!wholePlan.has(p)) wholePlan.set(p, d.message);
  };
  for (const d of fresh) {
    const blocks = built.dtoBlocks.get(d.file);
    if (blocks) {
      const owners = blocks.filter((b) => d.start === undefined || (d.start >= b.start && d.start <= b.end)).flatMap((b) => b.owners);
      for (const p of active) if (owners.includes(p.id) || !owners.length) blamePlan(p, d);
      continue;
    }
    const map = built.maps.get(d.file);
    const where = d.start === undefined ? undefined : map ? map.toOld(d.start) : { pos: d.start };
    const inFile = active.filter((p) => p.filePath === d.file || p.callFilePath === d.file);
    if (!where) {
      for (const p of inFile.length ? inFile : active) blamePlan(p, d);
      continue;
    }
    if (where.owner !== undefined) {
      for (const p of active) if (p.id === where.owner || (where.owner < 0 && p.filePath === d.file)) blamePlan(p, d);
      continue;
    }
    const pos = where.pos;
    const inHandler = active
      .filter((p) => p.filePath === d.file && pos >= p.handlerStart && pos <= p.handlerEnd)
      .sort((a, b) => a.handlerEnd - a.handlerStart - (b.handlerEnd - b.handlerStart));
    const owner = inHandler[0] ?? active.find((p) => p.callFilePath === d.file && pos >= p.callStart && pos <= p.callEnd);
    if (!owner) {
      // Elsewhere (a caller of a named handler, a dependent file): every handler that file may see.
      for (const p of inFile.length ? inFile : active) blamePlan(p, d);
      continue;
    }
    // The fields whose read holds the error, else those used in the innermost statement around it.
    let best: Array<{ kind: SourceKind; name: string; info: FieldInfo }> = [];
    for (const exact of [true, false]) {
      let bestLen = Infinity;
      for (const s of owner.sources) {
        for (const [name, info] of s.info.children) {
          for (const [ea, eb, sa, sb] of info.uses) {
            const [a, b] = exact ? [ea, eb] : [sa, sb];
            if (pos < a || pos > b) continue;
            const len = b - a;
            if (len < bestLen) {
              bestLen = len;
              best = [{ kind: s.kind, name, info }];
            } else if (len === bestLen && !best.some((x) => x.kind === s.kind && x.name === name)) best.push({ kind: s.kind, name, info });
          }
        }
      }
      if (best.length) break;
    }
    // Several candidates: the ones nothing told about go first.
    const vague = best.filter((b) => owner.summaries.get(b.kind)?.find((f) => f.name === b.name)?.concrete === false);
    if (vague.length && vague.length < best.length) best = vague;
    const open = best.filter((b) => (owner.levels.get(b.kind)?.get(b.name) ?? 0) < 2 && owner.planLevel === 0);
    if (!open.length) {
      blamePlan(owner, d);
      continue;
    }
    const set = fields.get(owner) ?? new Map();
    for (const b of open) set.set(`${b.kind}.${b.name}`, b);
    fields.set(owner, set);
  }
  for (const [p, message] of wholePlan) escalatePlan(p, message);
  for (const [p, set] of fields) {
    if (wholePlan.has(p)) continue;
    for (const b of set.values()) escalateField(p, b.kind, b.name, b.info);
  }
}
