// Not exported: a service names it through the function that returns it.
interface Session {
  user: { id: number; email: string };
}

const open = new Map<string, Session>([['t1', { user: { id: 1, email: 'ann@example.com' } }]]);

export const sessions = {
  get: (token: string): Session | undefined => open.get(token),
};
