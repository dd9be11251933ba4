import type { NextFunction, Request, Response } from 'express';

export class AddressesController {
  create = (req: Request, res: Response) => {
    res.status(201).json({ street: req.body.street, city: req.body.city });
  };

  show(req: Request, res: Response, next: NextFunction) {
    if (req.params.id === '0') return next(new Error('no address 0'));
    res.json({ id: req.params.id });
  }
}
