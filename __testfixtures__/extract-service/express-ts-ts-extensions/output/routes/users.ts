import { Router } from 'express';
import { UsersService } from '../services/users.service.ts';
import { sendDomainError } from './error-responses.ts';

const usersService = new UsersService();

const router = Router();

// Imports name the TypeScript files themselves (run with Node's type stripping): the service's and the controller's
// new imports do too.
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
