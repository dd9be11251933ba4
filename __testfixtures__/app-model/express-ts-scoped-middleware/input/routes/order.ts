import type { Request, Response } from 'express';

export function placeOrder() {
  return async (req: Request, res: Response) => {
    const id = req.params.id;
    if (!id) return res.status(400).json({ error: 'no basket' });
    res.json({ orderConfirmation: id });
  };
}

export function securityTxt() {
  return (req: Request, res: Response) => {
    res.type('text/plain').send(`Contact: ${req.hostname}`);
  };
}
