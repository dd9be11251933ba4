export interface User {
  id: number;
  name: string;
  email: string;
}

const users: User[] = [];

export async function findUserByEmail(email: string): Promise<User | undefined> {
  return users.find((u) => u.email === email);
}

export async function insertUser(fields: { name: string; email: string }): Promise<User> {
  const user = { id: users.length + 1, ...fields };
  users.push(user);
  return user;
}
