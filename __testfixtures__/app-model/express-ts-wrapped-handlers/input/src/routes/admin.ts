import { Router } from 'express';

const admin = Router();
admin.get('/stats', (req, res) => {
  res.json({ up: process.uptime() });
});
export default admin;
