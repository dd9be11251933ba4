export interface Row {
  name: string;
}

export function find(id: number): Row | undefined {
  return id > 0 ? { name: `row ${id}` } : undefined;
}
