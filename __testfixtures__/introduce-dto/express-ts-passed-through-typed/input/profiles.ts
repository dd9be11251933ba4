import express from 'express';

export interface ProfileInput {
  displayName: string;
  bio?: string;
}

function saveProfile(input: ProfileInput): ProfileInput {
  return input;
}

const router = express.Router();

router.put('/profile', (req, res) => {
  // The whole body goes to a function that already declares its type.
  res.json(saveProfile(req.body));
});

export default router;
