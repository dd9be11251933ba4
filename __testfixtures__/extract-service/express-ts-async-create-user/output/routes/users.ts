import { Router } from 'express';
import { UsersService } from '../services/users.service.js';
import { sendResult } from '../services/http-result.js';

const usersService = new UsersService();

const router = Router();

// The example of the issue: validation, two database calls, early responses with their own status codes.
router.post('/', async (req, res) => {
  const { name, email } = req.body;
  sendResult(res, await usersService.createUser({ name, email }));
});

export default router;
