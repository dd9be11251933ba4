/**
 * Progress of a run on stderr: files done of total, the recipe step running, the project engine's phase (load,
 * transform, verify). Drawn (and redrawn in place) only on an interactive terminal outside CI; a run whose stderr
 * is piped, a `--json` run and a CI log get nothing from here.
 */
import type { WriteStream } from 'node:tty';

export type ProjectPhase = 'load' | 'transform' | 'verify';

/** What the engines tell about a run; every method is optional work for the receiver and cheap to call. */
export interface ProgressSink {
  /** A recipe step (or the single transform) starts: `index` counts from 1. */
  step(name: string, index: number, total: number): void;
  /** A per-file pass over `total` files starts. */
  files(total: number): void;
  /** One file of the current pass is done. */
  fileDone(): void;
  /** The project engine moved to a phase. */
  phase(phase: ProjectPhase): void;
  /** The run is over: the progress line is removed. */
  done(): void;
}

export const noProgress: ProgressSink = { step() {}, files() {}, fileDone() {}, phase() {}, done() {} };

export interface ProgressChoice {
  stream: NodeJS.WriteStream;
  json?: boolean;
  /** Environment to decide CI from (tests); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Whether a run may draw progress: stderr is a terminal, the output is not JSON, and this is not CI. */
export async function progressWanted({ stream, json, env = process.env }: ProgressChoice): Promise<boolean> {
  if (json || !stream.isTTY) return false;
  if (env.REMODEL_PROGRESS === '0' || env.TERM === 'dumb') return false;
  if (env === process.env) {
    const { isCI } = await import('ci-info');
    if (isCI) return false;
  } else if (env.CI && env.CI !== 'false') {
    return false;
  }
  return true;
}

/** A progress sink for the stream when it may draw, else one that does nothing. */
export async function createProgress(choice: ProgressChoice): Promise<ProgressSink> {
  if (!(await progressWanted(choice))) return noProgress;
  const { createLogUpdate } = await import('log-update');
  return new TerminalProgress(createLogUpdate(choice.stream as WriteStream, { showCursor: true }));
}

const FRAME_MS = 80;

class TerminalProgress implements ProgressSink {
  private stepLabel = '';
  private total = 0;
  private doneCount = 0;
  private projectPhase: ProjectPhase | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private readonly started = performance.now();

  constructor(private readonly draw: ((text: string) => void) & { clear(): void; done(): void }) {}

  step(name: string, index: number, total: number): void {
    this.stepLabel = total > 1 ? `step ${index}/${total} ${name}` : name;
    this.total = 0;
    this.doneCount = 0;
    this.projectPhase = undefined;
    this.schedule(true);
  }

  files(total: number): void {
    this.total = total;
    this.doneCount = 0;
    this.schedule(true);
  }

  fileDone(): void {
    this.doneCount++;
    this.schedule(false);
  }

  phase(phase: ProjectPhase): void {
    this.projectPhase = phase;
    this.schedule(true);
  }

  done(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draw.clear();
    this.draw.done();
  }

  /** Redraws at most every FRAME_MS (a file finishing is frequent); a new step or phase shows at once. */
  private schedule(now: boolean): void {
    this.dirty = true;
    if (now) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.render();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) this.render();
    }, FRAME_MS);
    this.timer.unref();
  }

  private render(): void {
    this.dirty = false;
    this.draw(renderLine(this.stepLabel, this.projectPhase, this.doneCount, this.total, performance.now() - this.started));
  }
}

const PHASES: Record<ProjectPhase, string> = { load: 'loading the program', transform: 'transforming', verify: 'type-checking the change' };

/** The progress line: `remodel: step 1/2 introduce-dto · loading the program · 3.1 s`, or files with a bar. */
export function renderLine(step: string, phase: ProjectPhase | undefined, done: number, total: number, elapsedMs: number): string {
  const parts = ['remodel:'];
  if (step) parts.push(step);
  if (phase) parts.push(`· ${PHASES[phase]}`);
  if (total > 0) {
    const width = 20;
    const filled = Math.round((Math.min(done, total) / total) * width);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
  }
  parts.push(`· ${(elapsedMs / 1000).toFixed(1)} s`);
  return parts.join(' ');
}
