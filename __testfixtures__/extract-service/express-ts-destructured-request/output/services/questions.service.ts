// Business logic of routes/questions.ts, moved out of its route handlers by remodel extract-service.
import { findQuestion } from '../models';
import { NotFoundError } from './errors';

export interface GetQuestionInput {
  id: string;
  headers: Record<string, string | undefined>;
}

export class QuestionsService {
  /**
   * GET /rest/questions/:id (routes/questions.ts)
   */
  async getQuestion(input: GetQuestionInput) {
    const { id, headers } = input;
    const question = await findQuestion(Number(id));
    if (!question) throw new NotFoundError('no question ' + id);
    return { question, lang: headers['accept-language'] };
  }
}
