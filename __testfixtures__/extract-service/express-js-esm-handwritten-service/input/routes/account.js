import express from 'express';
import users from '../services/user.service.js';

export const router = express.Router();

// /user/profile names the service UserService in services/user.service.js, the app's own module: no method is added
// to it (its class is not exported by name, and the logic's `users` is that module itself).
router.get('/user/profile', async (req, res) => {
  const user = await users.findUser(req.query.id);
  if (!user) return res.status(404).json({ error: 'no user' });
  const friends = await users.listFriends(user.id);
  res.json({ name: user.name, friends: friends.length });
});
