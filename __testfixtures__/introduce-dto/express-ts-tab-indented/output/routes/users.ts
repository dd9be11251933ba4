import express from 'express';
import { saveUser } from '../store';
import type { CreateUserBody, ListUsersQuery, UserParams } from './users.dto';

const router = express.Router();

// GET /users?limit=&search=
router.get('/users', (req: express.Request<{}, unknown, unknown, ListUsersQuery>, res) => {
	const limit = parseInt(req.query.limit, 10) || 10;
	const search = req.query.search ? req.query.search.toLowerCase() : '';
	res.json({ limit, search });
});

// GET /users/:id
router.get('/users/:id', (req: express.Request<UserParams>, res) => {
	res.json({ id: req.params.id });
});

// POST /users { name, email, age? }
router.post('/users', async (req: express.Request<{}, unknown, CreateUserBody>, res) => {
	const { name, email } = req.body;
	if (typeof name !== 'string' || !name.trim()) {
		return res.status(400).json({ error: 'name is required' });
	}
	const age = req.body.age !== undefined ? Number(req.body.age) : undefined;
	const user = await saveUser(name.trim(), email, age);
	res.status(201).json(user);
});

export default router;
