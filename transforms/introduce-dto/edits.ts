/** An insertion or replacement at original offsets, owned by a plan (or -1: shared by the file). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  owner: number;
}

export interface Applied {
  text: string;
  /** A position in the new text: its original offset, or the owner of the inserted text it falls in. */
  toOld(pos: number): { pos: number; owner?: undefined } | { owner: number; pos?: undefined };
  /** An original offset in the new text. */
  toNew(pos: number): number;
}

/** Applies non-overlapping edits (insertions at one offset keep their order) and keeps the offset mapping. */
export function applyEdits(original: string, edits: Edit[]): Applied {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
  let out = '';
  let last = 0;
  const spans: Array<{ newStart: number; newEnd: number; oldStart: number; oldEnd: number; owner: number }> = [];
  for (const e of sorted) {
    if (e.start < last) continue; // overlapping: keep the first
    out += original.slice(last, e.start);
    const newStart = out.length;
    out += e.text;
    spans.push({ newStart, newEnd: out.length, oldStart: e.start, oldEnd: e.end, owner: e.owner });
    last = e.end;
  }
  out += original.slice(last);
  return {
    text: out,
    toOld(pos) {
      let delta = 0;
      for (const s of spans) {
        if (pos < s.newStart) break;
        if (pos < s.newEnd) return { owner: s.owner };
        delta = s.newEnd - s.oldEnd;
      }
      return { pos: pos - delta };
    },
    toNew(pos) {
      let delta = 0;
      for (const s of spans) {
        if (pos < s.oldStart || (pos === s.oldStart && s.oldEnd > s.oldStart)) break;
        if (pos < s.oldEnd) return s.newStart;
        delta = s.newEnd - s.oldEnd;
      }
      return pos + delta;
    },
  };
}
