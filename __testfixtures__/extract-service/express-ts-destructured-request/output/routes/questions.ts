import { type Request, type Response, type NextFunction } from 'express';
import { findAnswer, findQuestion } from '../models';
import { UserService } from '../services/user.service';
import { RepeatNotificationService } from '../services/repeatNotification.service';
import { QuestionsService } from '../services/questions.service';
import { sendDomainError } from './error-responses';

const userService = new UserService();
const repeatNotificationService = new RepeatNotificationService();
const questionsService = new QuestionsService();

// Handlers made by factories, destructuring the request: reads through `query`/`params` are request reads.
export function securityQuestion() {
  return async ({ query }: Request, res: Response, next: NextFunction) => {
    const email = query.email;
    try {
      res.json(await userService.getUserSecurityQuestion({ email }));
    } catch (error) {
      next(error);
    }
  };
}

export function repeatNotification() {
  return ({ query }: Request, res: Response) => {
    const name: string = decodeURIComponent(query.challenge as string);
    repeatNotificationService.getRepeatNotification({ name });
    res.sendStatus(200);
  };
}

export function questionById() {
  return async ({ params, headers }: Request, res: Response) => {
    try {
      res.json(await questionsService.getQuestion({ id: params.id, headers }));
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  };
}

// Left alone: a rest element (the rest is a copy of the request's other properties).
export function questionRest() {
  return async ({ params, ...rest }: Request, res: Response) => {
    const question = await findQuestion(Number(params.id));
    const answer = await findAnswer(rest.query.email);
    res.json({ question, answer });
  };
}
