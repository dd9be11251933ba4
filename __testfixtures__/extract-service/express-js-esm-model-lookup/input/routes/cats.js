import { Router } from 'express';
import mongoose from 'mongoose';

export const router = Router();
const schemas = { Cat: { all: async () => ['tom'] } };
// Left alone (module-side-effect): a callback the built-in runs at once registers the model, at load.
const registered = Object.entries(schemas).map(([name, schema]) => mongoose.model(name, schema));
export const count = () => registered.length;
const Cat = mongoose.model('Cat');

router.get('/', async (req, res) => {
  const cats = await Cat.all();
  if (!cats.length) return res.status(404).json({ error: 'none' });
  res.json({ cats: cats.map((c) => c.toUpperCase()) });
});
