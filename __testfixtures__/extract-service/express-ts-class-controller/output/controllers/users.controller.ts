import type { Request, Response } from 'express';
import { UsersService } from '../services/users.service';
import { sendDomainError } from './error-responses';

const usersService = new UsersService();

// A class controller: a method and an arrow-function property, wired in routes.ts.
export class UsersController {
  async create(req: Request, res: Response) {
    const { name, email } = req.body;
    try {
      const result = await usersService.createUser({ name, email });
      res.status(201).json(result);
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  }

  lookup = async (req: Request, res: Response) => {
    const email = String(req.query.email ?? '');
    try {
      res.json(await usersService.listUsers({ email }));
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  };
}
