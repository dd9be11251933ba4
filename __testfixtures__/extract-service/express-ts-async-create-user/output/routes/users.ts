import { Router } from 'express';
import { UsersService } from '../services/users.service';
import { sendDomainError } from './error-responses';

const usersService = new UsersService();

const router = Router();

// The example of the issue: validation, two database calls, early responses with their own status codes.
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
