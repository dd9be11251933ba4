export interface Contact {
  id: number;
  name: string;
  email: string;
}
const contacts: Contact[] = [];
export async function findByEmail(email: string): Promise<Contact | undefined> {
  return contacts.find((c) => c.email === email);
}
export async function insert(name: string, email: string): Promise<Contact> {
  const c = { id: contacts.length + 1, name, email };
  contacts.push(c);
  return c;
}
export async function audit(req: unknown): Promise<void> {
  void req;
}
