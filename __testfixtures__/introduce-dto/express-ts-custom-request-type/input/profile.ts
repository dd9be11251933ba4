import express, { Request, Response } from 'express';

interface AuthedRequest extends Request {
  user: { id: string; role: string };
}

const router = express.Router();

router.put('/profile', (req: AuthedRequest, res: Response) => {
  const { displayName } = req.body;
  res.json({ id: req.user.id, displayName: String(displayName) });
});

export default router;
