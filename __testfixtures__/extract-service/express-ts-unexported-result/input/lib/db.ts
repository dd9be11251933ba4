export interface User {
  id: number;
  name: string;
}

const users: User[] = [{ id: 1, name: 'ann' }];

export async function findUser(id: number): Promise<User | undefined> {
  return users.find((u) => u.id === id);
}
