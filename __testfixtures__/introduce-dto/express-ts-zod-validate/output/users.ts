import express from 'express';
import { CreateGreetingBody, CreateUserBody, CreateVisitBody, GetUserQuery, UserParams } from './users.dto';

const router = express.Router();

router.post('/users', (req: express.Request<{}, unknown, CreateUserBody>, res) => {
  const bodyCheck = CreateUserBody.safeParse(req.body);
  if (!bodyCheck.success) {
    res.status(400).json({ error: 'Invalid request body', issues: bodyCheck.error.issues });
    return;
  }
  const name: string = req.body.name;
  const tags: string[] = req.body.tags ?? [];
  res.status(201).json({ name, tags, admin: req.body.admin === true });
});

router.get('/users/:id', (req: express.Request<UserParams, unknown, unknown, GetUserQuery>, res) => {
  const paramsCheck = UserParams.safeParse(req.params);
  if (!paramsCheck.success) {
    res.status(400).json({ error: 'Invalid route parameters', issues: paramsCheck.error.issues });
    return;
  }
  const queryCheck = GetUserQuery.safeParse(req.query);
  if (!queryCheck.success) {
    res.status(400).json({ error: 'Invalid query string', issues: queryCheck.error.issues });
    return;
  }
  res.json({ id: req.params.id, fields: req.query.fields?.split(',') });
});

// A field the handler tests for (`!== undefined`, `??`) stays optional in the schema, and one tested with a check
// that lets null through takes null: the schema must not answer 400 to a request the handler took.
function greet(name: string): string {
  return 'hi ' + name;
}

router.post('/greetings', (req: express.Request<{}, unknown, CreateGreetingBody>, res) => {
  const bodyCheck = CreateGreetingBody.safeParse(req.body);
  if (!bodyCheck.success) {
    res.status(400).json({ error: 'Invalid request body', issues: bodyCheck.error.issues });
    return;
  }
  const named = req.body.name !== undefined;
  res.json({ msg: named ? greet(req.body.name) : 'anonymous', bio: req.body.bio ?? 'none', nick: req.body.nick || '' });
});

// A field whose type the handler tests takes it missing; so does a parameter that takes undefined or null.
function greetWho(name?: string | null): string {
  return name ? 'hi ' + name : 'hi';
}

router.post('/visits', (req: express.Request<{}, unknown, CreateVisitBody>, res) => {
  const bodyCheck = CreateVisitBody.safeParse(req.body);
  if (!bodyCheck.success) {
    res.status(400).json({ error: 'Invalid request body', issues: bodyCheck.error.issues });
    return;
  }
  const limit = typeof req.body.limit === 'number' ? req.body.limit : 10;
  res.json({ limit, greeting: greetWho(req.body.who) });
});

export default router;
