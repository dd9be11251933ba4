// A callback API known by its declared types (like mongoose's `callback?: (err: CallbackError, doc: T | null) => void`,
// reached through an optional projection argument).
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
