import express from 'express';
import { logger } from '../logger';

const router = express.Router();

// Logging the whole body reads no field of it: the body is typed from the fields the handler reads.
router.post('/signin', (req, res) => {
  logger.debug('signin %o', req.body);
  const { email, password } = req.body;
  res.json({ email, ok: password.length > 3 });
});

export default router;
