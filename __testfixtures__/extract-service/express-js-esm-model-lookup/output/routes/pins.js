import { Router } from 'express';
import mongoose from 'mongoose';

export const router = Router();
const pins = [{ id: 1, label: 'home' }];
const base = ['', 'pins', 'all'].join('/');
mongoose.model('Pin', { findById: async (id) => pins.find((p) => p.id === id) || null });

// Left alone as well: the registration just above is a statement of its own, which the service's import would
// precede.
const Pin = mongoose.model('Pin');

router.get('/:id', async (req, res) => {
  const pin = await Pin.findById(Number(req.params.id));
  if (!pin) return res.status(404).json({ error: 'no pin', base });
  res.json({ label: pin.label.toUpperCase() });
});
