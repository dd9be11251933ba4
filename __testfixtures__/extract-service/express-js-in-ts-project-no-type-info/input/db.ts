export async function find(id: number): Promise<{ id: number } | null> {
  return id === 1 ? { id: 1 } : null;
}
