import express from 'express';

const app = express();

app.post('/invites', (req, res) => {
  // Renamed, defaulted and nested destructuring.
  const { email: address, role = 'member', sendMail = true, team: { id: teamId } } = req.body;
  res.status(201).json({ address: address.toLowerCase(), role, sendMail, teamId: teamId * 1 });
});

app.get('/invites', (req, res) => {
  const { page = '1', sort } = req.query;
  res.json({ page, sort: sort === 'asc' ? 'asc' : 'desc' });
});

export default app;
