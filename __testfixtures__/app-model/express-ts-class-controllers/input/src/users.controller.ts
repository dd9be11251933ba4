import type { Request, Response } from 'express';
import { UserRepository } from './user.repository';

export class UsersController {
  private repo = new UserRepository();

  list = async (_req: Request, res: Response) => {
    res.json(await this.repo.all());
  };

  async create(req: Request, res: Response) {
    const user = await this.repo.save(req.body.email);
    res.status(201).json(user);
  }

  show(req: Request, res: Response) {
    const user = this.repo.byId(req.params.id);
    if (!user) {
      res.status(404).send('Not found');
      return;
    }
    res.json(user);
  }
}
