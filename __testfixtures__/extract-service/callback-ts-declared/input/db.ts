// Functions of the project annotated like a callback API (mongoose's `callback?: (err: CallbackError, doc: T | null)
// => void`): the annotation says nothing of how often the body calls back, so the body decides, and these bodies hand
// their callback to setTimeout through an arrow (not proven: left alone, callback-not-proven).
export interface Row {
  id: number;
  name: string;
}
export type CallbackError = Error | null;

const rows: Row[] = [{ id: 1, name: 'one' }];

export function findRow(id: number, projection?: unknown, callback?: (err: CallbackError, row: Row | null) => void): void {
  const cb = typeof projection === 'function' ? (projection as typeof callback) : callback;
  setTimeout(() => cb && cb(null, rows.find((r) => r.id === id) ?? null), 0);
}

export function removeRow(id: number, callback?: (err: CallbackError) => void): void {
  setTimeout(() => callback && callback(null), 0);
}

export function watchRows(listener: (err: Error, row: Row) => void): void {
  void listener;
}
