import { Router } from 'express';
import type { CreateUserDto } from '../dto/create-user.dto';
import { UsersService } from '../services/users.service.js';
import { sendResult } from '../services/http-result.js';

const usersService = new UsersService();

const router = Router();

// After introduce-dto: the body has a DTO type, which the service input keeps (its import comes along).
router.post('/', (req, res) => {
  const body: CreateUserDto = req.body;
  sendResult(res, usersService.createUser({ body }));
});

export default router;
