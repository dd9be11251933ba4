import { Router, type Request } from 'express';

interface NoteParams {
  noteId: string;
}

const router = Router();

router.get('/notes/:noteId', (req: Request<NoteParams>, res) => {
  res.json({ id: req.params.noteId });
});

router.post<{}, unknown, { text: string }>('/notes', (req, res) => {
  res.json({ text: req.body.text });
});

export default router;
