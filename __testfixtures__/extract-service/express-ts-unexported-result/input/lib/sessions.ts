// Not exported: a service names them through the function that returns them.
interface Email {
  address: string;
  verified: boolean;
}

interface Session {
  user: { id: number; email: Email; backup?: Email };
}

const open = new Map<string, Session>([['t1', { user: { id: 1, email: { address: 'ann@example.com', verified: true } } }]]);

export const sessions = {
  get: (token: string): Session | undefined => open.get(token),
};
