export interface User {
  id: string;
  email: string;
}

export type Role = 'admin' | 'member';
