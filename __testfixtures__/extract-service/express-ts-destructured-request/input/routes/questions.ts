import { type Request, type Response, type NextFunction } from 'express';
import { findAnswer, findQuestion, notify } from '../models';

// Handlers made by factories, destructuring the request: reads through `query`/`params` are request reads.
export function securityQuestion() {
  return async ({ query }: Request, res: Response, next: NextFunction) => {
    const email = query.email;
    try {
      const answer = await findAnswer(email?.toString());
      if (answer != null) {
        const question = await findQuestion(answer.questionId);
        res.json({ question });
      } else {
        res.json({});
      }
    } catch (error) {
      next(error);
    }
  };
}

export function repeatNotification() {
  return ({ query }: Request, res: Response) => {
    const name: string = decodeURIComponent(query.challenge as string);
    const sent = notify(name);
    if (sent) {
      console.log('sent', name);
    }
    res.sendStatus(200);
  };
}

export function questionById() {
  return async ({ params, headers }: Request, res: Response) => {
    const question = await findQuestion(Number(params.id));
    if (!question) return res.status(404).json({ error: 'no question ' + params.id });
    res.json({ question, lang: headers['accept-language'] });
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
