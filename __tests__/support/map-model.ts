// A hand-written app model (JSON form) for the `remodel map` renderer tests: a route with middleware and a
// handler, one whose path and labels are hostile user data, one with an unresolved handler, an unresolved site.
import type { AppModelJson, ChainFunctionJson, RouteJson } from '../../src/app-model/index.js';

export const loc = (file: string, line: number, endLine?: number) => ({ file, line, column: 1, ...(endLine ? { endLine } : {}) });

export function fn(partial: Partial<ChainFunctionJson> & Pick<ChainFunctionJson, 'role' | 'label'>): ChainFunctionJson {
  return {
    shape: 'member',
    mayRespond: false,
    callsNext: false,
    setsRequestFields: [],
    reads: [],
    dataCalls: [],
    responses: [],
    errorExits: [],
    logicLines: 0,
    params: ['req', 'res', 'next'],
    ...partial,
  };
}

const names = { resource: 'notes', entity: 'Note', action: 'Create', dtoBase: 'CreateNote', paramsType: 'NoteParams', serviceClass: 'NotesService', serviceMethod: 'createNote' };

export function route(partial: Partial<RouteJson> & Pick<RouteJson, 'method' | 'path' | 'chain' | 'registration'>): RouteJson {
  const handlerIndex = partial.chain.length && !partial.chain.at(-1)!.unresolved ? partial.chain.length - 1 : null;
  return {
    id: `${partial.method.toUpperCase()} ${partial.path} @ ${partial.registration.file}:${partial.registration.line}`,
    framework: 'express',
    pathAsWritten: partial.path,
    mounts: [],
    names,
    handlerIndex,
    ...partial,
  };
}

export const NOTES_CREATE = route({
  method: 'post',
  path: '/api/patients/:id/notes',
  pathAsWritten: '/:id/notes',
  mounts: ['/api/patients'],
  registration: loc('routes/notes.js', 8),
  chain: [
    fn({
      role: 'middleware',
      label: "auth.requireRole('doctor')",
      shape: 'factory',
      loc: loc('auth.js', 3, 9),
      mayRespond: true,
      callsNext: true,
      setsRequestFields: ['user'],
      reads: [{ source: 'headers', path: ['authorization'], loc: loc('auth.js', 4), context: 'direct' }],
      responses: [{ kind: 'json', status: 401, bodyShape: '{error}', headers: [], context: 'direct', loc: loc('auth.js', 5) }],
      logicLines: 6,
    }),
    fn({
      role: 'handler',
      label: 'notes.create',
      name: 'create',
      loc: loc('controllers/notes.js', 12, 24),
      mayRespond: true,
      reads: [
        { source: 'body', path: ['text'], type: 'string', loc: loc('controllers/notes.js', 13), context: 'direct' },
        { source: 'params', path: ['id'], loc: loc('controllers/notes.js', 14), context: 'direct' },
        { source: 'params', path: ['id'], loc: loc('controllers/notes.js', 15), context: 'direct' },
      ],
      dataCalls: [
        { callee: 'db.notes.insert', kind: 'module', module: './db', loc: loc('controllers/notes.js', 16), style: 'await', context: 'direct' },
        { callee: 'db.patients.find', kind: 'module', module: './db', loc: loc('controllers/notes.js', 15), style: 'await', context: 'direct' },
      ],
      responses: [
        { kind: 'json', status: 201, bodyShape: '{…}', headers: [], context: 'direct', loc: loc('controllers/notes.js', 18) },
        { kind: 'json', status: 404, bodyShape: '{error}', headers: [], context: 'direct', loc: loc('controllers/notes.js', 15) },
      ],
      errorExits: [{ kind: 'next-error', context: 'promise', loc: loc('controllers/notes.js', 22) }],
      logicLines: 11,
    }),
  ],
});

// User data that must never become markup or break a chart: a path and a label with quotes, tags and entities.
export const HOSTILE = route({
  method: 'get',
  path: '/x/<img src=x onerror="alert(1)">/#amp;/`md`',
  registration: loc('routes/evil.js', 2),
  chain: [fn({ role: 'handler', label: 'h["a"]<script>alert(2)</script>', shape: 'inline', loc: loc('routes/evil.js', 2, 2), logicLines: 1 })],
});

export const UNRESOLVED = route({
  method: 'delete',
  path: '/api/items/:id',
  registration: loc('routes/items.js', 30),
  chain: [fn({ role: 'handler', label: 'makeHandler(opts)', shape: 'factory', unresolved: { reason: 'unknown-factory-result', detail: 'makeHandler returns a value that is not a function literal' } })],
  unresolved: { reason: 'unknown-factory-result', detail: 'the final handler is not known' },
});

export const MODEL: AppModelJson = {
  schemaVersion: 1,
  root: '.',
  routes: [NOTES_CREATE, HOSTILE, UNRESOLVED],
  unresolved: [{ reason: 'dynamic-path', detail: 'app.get(prefix + "/x", …): the path is not a literal', loc: loc('app.js', 40), method: 'get' }],
};

/**
 * A small Express app (CommonJS) for end-to-end map tests: a router mounted under a prefix, a middleware factory
 * that may answer 401 and sets `req.user`, controllers required from another module, data calls through a db
 * module, and a route whose path is hostile to HTML and Mermaid.
 */
export const FIXTURE_APP: Record<string, string> = {
  'package.json': '{ "name": "fixture-app", "private": true }\n',
  'src/app.js': `const express = require('express');
const notes = require('./routes/notes');

const app = express();
app.use(express.json());
app.use('/api/patients', notes);
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/x/<img src=x onerror=alert(1)>/"q"', (req, res) => res.send('hi'));
module.exports = app;
`,
  'src/routes/notes.js': `const express = require('express');
const auth = require('../auth');
const notes = require('../controllers/notes');

const router = express.Router();
router.post('/:id/notes', auth.requireRole('doctor'), notes.create);
router.get('/:id/notes', notes.list);
module.exports = router;
`,
  'src/auth.js': `exports.requireRole = function (role) {
  return function (req, res, next) {
    if (!req.headers.authorization) return res.status(401).json({ error: 'no token' });
    req.user = { role };
    next();
  };
};
`,
  'src/controllers/notes.js': `const db = require('../db');

exports.create = async function (req, res, next) {
  try {
    const patient = await db.patients.find(req.params.id);
    if (!patient) return res.status(404).json({ error: 'no patient' });
    const note = await db.notes.insert({ patientId: req.params.id, text: req.body.text });
    res.status(201).json(note);
  } catch (err) {
    next(err);
  }
};

exports.list = function (req, res) {
  db.notes.byPatient(req.params.id).then((list) => res.json(list));
};
`,
  'src/db.js': `module.exports = {
  patients: { find: async (id) => ({ id }) },
  notes: { insert: async (note) => note, byPatient: async () => [] },
};
`,
};

/** The routes of FIXTURE_APP as `METHOD path`, in the model's order. */
export const FIXTURE_ROUTES = ['GET /health', 'GET /x/<img src=x onerror=alert(1)>/"q"', 'POST /api/patients/:id/notes', 'GET /api/patients/:id/notes'];

/** A model whose one route was found by static evaluation of a directory scan (`discovered`). */
export const DISCOVERED_MODEL: AppModelJson = {
  schemaVersion: 1,
  root: '.',
  routes: [
    {
      ...NOTES_CREATE,
      id: 'GET /pets @ lib/boot.js:46',
      method: 'get',
      path: '/pets',
      pathAsWritten: '/pets',
      mounts: [],
      discovered: { by: 'directory-scan', from: loc('lib/boot.js', 9), detail: 'the folder controllers was read at analysis time; routes follow its files as they are now' },
    },
  ],
  unresolved: [],
};
