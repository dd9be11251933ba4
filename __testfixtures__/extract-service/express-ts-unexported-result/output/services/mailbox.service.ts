// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { findUser } from '../lib/db';
import { NotFoundError } from './errors';

export interface GetMailboxInput {
  email: NonNullable<ReturnType<typeof import('../lib/sessions').sessions.get>>['user']['email'];
}

export class MailboxService {
  /**
   * GET /mailbox (routes/account.ts)
   */
  async getMailbox(input: GetMailboxInput) {
    const { email } = input;
    const user = await findUser(1);
    if (!user || !email.verified) {
      throw new NotFoundError('No verified mailbox');
    }
    return { owner: user.name, address: email.address };
  }
}
