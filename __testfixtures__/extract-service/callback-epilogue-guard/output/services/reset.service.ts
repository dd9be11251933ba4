// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument } from '../models';

export interface GetResetInput {
  token: string;
}

export class ResetService {
  /**
   * GET /reset/:token (routes/account.ts)
   */
  async getReset(input: GetResetInput) {
    const { token } = input;
    const user = await new Promise<UserDocument | null>((resolve, reject) => User
      .findOne({ resetToken: token })
      .where('resetExpires').gt(Date.now())
      .exec((error, value) => (error ? reject(error) : resolve(value))));
    return user;
  }
}
