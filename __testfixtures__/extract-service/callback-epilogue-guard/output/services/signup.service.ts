// Business logic of routes/account.ts, moved out of its route handlers by remodel extract-service.
import { User, UserDocument } from '../models';

export interface CreateSignupInput {
  email: any;
}

export class SignupService {
  /**
   * POST /signup (routes/account.ts)
   */
  async createSignup(input: CreateSignupInput) {
    const { email } = input;
    const user = new UserDocument(String(Date.now()), email);
    const existingUser = await new Promise<UserDocument | null>((resolve, reject) => User.byEmail(email, (error, value) => (error ? reject(error) : resolve(value))));
    if (existingUser) {
      return { existingUser, user };
    }
    await new Promise<void>((resolve, reject) => user.save((error) => (error ? reject(error) : resolve())));
    return { existingUser, user };
  }
}
