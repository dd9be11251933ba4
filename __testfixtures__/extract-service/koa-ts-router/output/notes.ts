const notes = new Map<number, string>([[1, 'first']]);

export async function getNote(id: number): Promise<string | undefined> {
  return notes.get(id);
}
