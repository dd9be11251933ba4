import { Router } from 'express';
import notes from './notes';

const api = Router();
api.use('/patients/:patientId/notes', notes);
api.get('/', (_req, res) => res.json({ ok: true }));
export default api;
