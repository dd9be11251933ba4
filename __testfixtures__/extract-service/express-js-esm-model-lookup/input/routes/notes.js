import { Router } from 'express';
import mongoose from 'mongoose';

export const router = Router();
const notes = [{ id: 1, body: 'hello' }];
const register = () => mongoose.model('Note', { findById: async (id) => notes.find((n) => n.id === id) || null });
const registered = [register()];
export const count = () => registered.length;

// Left alone (module-side-effect): an ES module's imports run before its body, so the service, imported, would look
// the model up before `register()`, reached through the function it calls, registers it.
const Note = mongoose.model('Note');

router.get('/:id', async (req, res) => {
  const note = await Note.findById(Number(req.params.id));
  if (!note) return res.status(404).json({ error: 'no note' });
  res.json({ body: note.body.toUpperCase() });
});
