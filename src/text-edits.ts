/**
 * Byte-range edits over one source text, applied in one pass. Transforms locate ranges on the AST and replace
 * only those, so untouched code keeps its exact bytes (no reprinting, no collapsed lines, no added semicolons).
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class EditConflictError extends Error {
  constructor(a: TextEdit, b: TextEdit) {
    super(`overlapping edits at [${a.start},${a.end}) and [${b.start},${b.end})`);
    this.name = 'EditConflictError';
  }
}

export class TextEdits {
  private readonly list: TextEdit[] = [];

  constructor(readonly source: string) {}

  get size(): number {
    return this.list.length;
  }

  replace(start: number, end: number, text: string): this {
    if (start < 0 || end > this.source.length || start > end) {
      throw new RangeError(`edit range [${start},${end}) outside source of length ${this.source.length}`);
    }
    this.list.push({ start, end, text });
    return this;
  }

  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  remove(start: number, end: number): this {
    return this.replace(start, end, '');
  }

  /** True when [start, end) overlaps an edit already recorded (insertions at a boundary do not count). */
  overlaps(start: number, end: number): boolean {
    return this.list.some((e) => e.start < end && start < e.end);
  }

  /** Forgets the edits recorded inside [start, end] or overlapping it, to write that range another way. */
  dropWithin(start: number, end: number): this {
    const kept = this.list.filter((e) => !(e.start < end && start < e.end) && !(e.start === e.end && e.start >= start && e.start <= end));
    this.list.splice(0, this.list.length, ...kept);
    return this;
  }

  /** Source text of [start, end) with the edits that lie entirely inside it applied. */
  slice(start: number, end: number): string {
    const inner = this.sorted().filter((e) => e.start >= start && e.end <= end && !(e.start === e.end && (e.start === start || e.start === end)));
    return splice(this.source, start, end, inner);
  }

  /** The whole text with every edit applied; throws EditConflictError on overlapping edits. */
  apply(): string {
    return splice(this.source, 0, this.source.length, this.sorted());
  }

  private sorted(): TextEdit[] {
    const edits = [...this.list].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < edits.length; i++) {
      const prev = edits[i - 1];
      const cur = edits[i];
      if (cur.start < prev.end) throw new EditConflictError(prev, cur);
    }
    return edits;
  }
}

function splice(source: string, start: number, end: number, edits: TextEdit[]): string {
  let out = '';
  let pos = start;
  for (const e of edits) {
    out += source.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + source.slice(pos, end);
}
