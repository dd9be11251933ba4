import { type Request } from 'express';

// Not exported: the service names it through the helper's type.
interface SignedInUser {
  data: { id: number; email: string; role: string };
}

interface Sessions {
  tokens: Record<string, SignedInUser>;
  from: (req: Request) => SignedInUser | undefined;
}

export const tokenFrom = ({ headers }: { headers: Record<string, string | undefined> }) => {
  const parts = headers.authorization?.split(' ') ?? [];
  return parts.length === 2 && /^Bearer$/i.test(parts[0]) ? parts[1] : undefined;
};

export const sessions: Sessions = {
  tokens: {},
  from: function (req: Request) {
    const token = tokenFrom(req);
    return token ? this.tokens[token] : undefined;
  },
};

export function isAdmin(req: Request): boolean {
  const user = sessions.from(req);
  return user?.data.role === 'admin' && req.get('x-admin') !== 'off';
}

// Changes the request: a call of it cannot be bound.
export function stampRequest(req: Request, at: number): number {
  req.body.stampedAt = at;
  return at;
}

// Hands the request to something that is not followed.
export function logRequest(req: Request): void {
  console.dir(req);
}
