// A test's own app: its routes are not the app's, and nothing may be written beside it.
import express from 'express';

export const app = express();
app.get('/probe', (req, res) => res.json({ q: req.query.q }));
