export interface User {
  id: number;
  email: string;
  name: string;
}

const users: User[] = [];

export async function findByEmail(email: string): Promise<User | undefined> {
  return users.find((u) => u.email === email);
}

export async function insert(name: string, email: string): Promise<User> {
  const user = { id: users.length + 1, email, name };
  users.push(user);
  return user;
}
