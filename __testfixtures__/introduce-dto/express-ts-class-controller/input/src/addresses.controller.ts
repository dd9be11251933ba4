import type { Request, Response } from 'express';

export class AddressesController {
  create = (req: Request, res: Response) => {
    const zip: string = req.body.zip;
    res.status(201).json({ zip: zip.toUpperCase() });
  };

  update(req: Request, res: Response) {
    const id = req.params.id;
    if (typeof req.body.city === 'string') res.json({ id, city: req.body.city });
    else res.sendStatus(400);
  }
}
