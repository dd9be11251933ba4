import { Router, type Request, type Response } from 'express';
import { HttpStatus } from '../status';
import { findNote } from '../db';
import { NotesService } from '../services/notes.service';
import { sendDomainError } from './error-responses';

const notesService = new NotesService();

export const router = Router();

router.get('/:id', async (req: Request, res: Response) => {
  try {
    const result = await notesService.getNote({ id: req.params.id });
    res.status(HttpStatus.OK).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.post('/', async (req: Request, res: Response) => {
  const text = req.body.text;
  try {
    const result = await notesService.createNote({ text });
    res.status(HttpStatus.CREATED).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
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
