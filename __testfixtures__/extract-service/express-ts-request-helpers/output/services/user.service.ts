// Business logic of routes/items.ts, moved out of its route handlers by remodel extract-service.
import { UnauthorizedError } from './errors';

export interface GetUserWhoamiInput {
  sessionsFrom: () => ReturnType<typeof import('../lib/security').sessions.from>;
}

export class UserService {
  /**
   * GET /rest/user/whoami (routes/items.ts)
   */
  getUserWhoami(input: GetUserWhoamiInput) {
    const { sessionsFrom } = input;
    const user = sessionsFrom();
    if (!user) {
      throw new UnauthorizedError('not signed in');
    }
    const email = user.data.email.toLowerCase();
    return { id: user.data.id, email };
  }
}
