export interface Row {
  id: number;
  name: string;
  email?: string;
}
const rows: Row[] = [{ id: 1, name: 'ada', email: 'ada@example.com' }];
export async function find(id: number): Promise<Row | undefined> {
  return rows.find((r) => r.id === id);
}
export async function count(): Promise<number> {
  return rows.length;
}
export function findNow(id: number): Row | undefined {
  return rows.find((r) => r.id === id);
}
