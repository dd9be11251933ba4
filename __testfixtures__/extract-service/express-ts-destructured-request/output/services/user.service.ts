// Business logic of routes/questions.ts, moved out of its route handlers by remodel extract-service.
import { findAnswer, findQuestion } from '../models';

export interface GetUserSecurityQuestionInput {
  email: string | undefined;
}

export class UserService {
  /**
   * GET /rest/user/security-question (routes/questions.ts)
   */
  async getUserSecurityQuestion(input: GetUserSecurityQuestionInput) {
    const { email } = input;
    const answer = await findAnswer(email?.toString());
    if (answer != null) {
      const question = await findQuestion(answer.questionId);
      return { question };
    } else {
      return {};
    }
  }
}
