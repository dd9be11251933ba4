// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { findUser } from '../lib/db';
import { NotFoundError } from './errors';

export interface GetProfileInput {
  session: NonNullable<ReturnType<typeof import('../lib/sessions').sessions.get>>;
}

export class ProfileService {
  /**
   * GET /profile (routes/account.ts)
   */
  async getProfile(input: GetProfileInput) {
    const { session } = input;
    const user = await findUser(session.user.id);
    if (!user) {
      throw new NotFoundError('No such user');
    }
    return { id: user.id, name: user.name, email: session.user.email.address };
  }
}
