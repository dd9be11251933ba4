export interface Note {
  id: string;
  text: string;
}

const notes = new Map<string, Note>([['1', { id: '1', text: 'first' }]]);

export async function findNote(id: string): Promise<Note | undefined> {
  return notes.get(id);
}

export async function addNote(text: string): Promise<Note> {
  const note = { id: String(notes.size + 1), text };
  notes.set(note.id, note);
  return note;
}
