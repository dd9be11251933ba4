import { Router } from 'express';
import type { CreateUserDto } from '../dto/create-user.dto';

const router = Router();
const users: CreateUserDto[] = [];

// After introduce-dto: the body has a DTO type, which the service input keeps (its import comes along).
router.post('/', (req, res) => {
  const body: CreateUserDto = req.body;
  if (!body.email.includes('@')) return res.status(400).json({ error: 'invalid email' });
  if (users.some((u) => u.email === body.email)) return res.status(409).json({ error: 'taken' });
  users.push({ name: body.name, email: body.email });
  res.status(201).json({ email: body.email });
});

export default router;
