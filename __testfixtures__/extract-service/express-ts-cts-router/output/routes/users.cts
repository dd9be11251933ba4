import { Router } from 'express';
import { UsersService } from '../services/users.service.cjs';
import { sendDomainError } from './error-responses.cjs';

const usersService = new UsersService();

const router = Router();

// A CommonJS TypeScript router (.cts) in an ES-module package: its service and errors modules are .cts too, so that
// they have its module format.
router.post('/', async (req, res) => {
  const { name, email } = req.body;
  try {
    const result = await usersService.createUser({ name, email });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default router;
