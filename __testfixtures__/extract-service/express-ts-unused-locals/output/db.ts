export type Row = { id: number; name: string };
const rows: Row[] = [{ id: 1, name: 'one' }];
export async function find(id: number): Promise<Row | null> { return rows.find((r) => r.id === id) ?? null; }
export async function count(): Promise<number> { return rows.length; }
