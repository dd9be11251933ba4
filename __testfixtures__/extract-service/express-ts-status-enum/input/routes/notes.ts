import { Router, type Request, type Response } from 'express';
import { HttpStatus } from '../status';
import { addNote, findNote } from '../db';

export const router = Router();

router.get('/:id', async (req: Request, res: Response) => {
  const note = await findNote(req.params.id);
  if (!note) {
    res.status(HttpStatus.NOT_FOUND).json({ error: 'Note not found' });
    return;
  }
  res.status(HttpStatus.OK).json(note);
});

router.post('/', async (req: Request, res: Response) => {
  const text = req.body.text;
  if (typeof text !== 'string' || !text.trim()) {
    res.status(HttpStatus.BAD_REQUEST).json({ error: 'A note needs text' });
    return;
  }
  const note = await addNote(text.trim());
  res.status(HttpStatus.CREATED).json(note);
});

// 418 has no domain error: left alone, as with the number
router.get('/:id/brew', async (req: Request, res: Response) => {
  const note = await findNote(req.params.id);
  if (!note) {
    res.status(HttpStatus.TEAPOT).json({ error: 'I am a teapot' });
    return;
  }
  res.json({ brewed: note.text });
});
