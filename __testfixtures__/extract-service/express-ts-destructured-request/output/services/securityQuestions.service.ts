// Business logic of routes/questions.ts, moved out of its route handlers by remodel extract-service.
import { findAnswer, findQuestion, notify } from '../models.js';

export interface ListSecurityQuestionsInput {
  email: string | undefined;
}

export class SecurityQuestionsService {
  /**
   * GET /rest/user/security-question (routes/questions.ts)
   */
  async listSecurityQuestions(input: ListSecurityQuestionsInput) {
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
