export function ids<T extends { id: string }>(rows: T[]): string[] {
  return rows.map(function <R extends T>(row: R) {
    return row.id;
  });
}
