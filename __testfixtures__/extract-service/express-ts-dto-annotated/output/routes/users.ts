import { Router } from 'express';
import type { CreateUserDto } from '../dto/create-user.dto';
import { UsersService } from '../services/users.service';
import { sendDomainError } from './error-responses';

const usersService = new UsersService();

const router = Router();

// After introduce-dto: the body has a DTO type, which the service input keeps (its import comes along).
router.post('/', (req, res) => {
  const body: CreateUserDto = req.body;
  try {
    const result = usersService.createUser({ body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default router;
