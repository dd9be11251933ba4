// expressjs/express 4.x examples/: a table per example that can run here, covering every route it registers with
// several inputs (not found and invalid ones included). By default only the examples extract-service changed are
// compared (a changed example without a table is an error); --all compares every example with a table.
// `data` names an example's data module: its arrays are emptied ("empty") and its callback functions answer an
// empty value ("empty") or an error ("fail"); the calls made to them are compared.
const f = (path, form, headers) => ({ method: 'POST', path, form, ...(headers ? { headers } : {}) });
const get = (path, headers) => ({ path, ...(headers ? { headers } : {}) });
const req = (method, path, extra = {}) => ({ method, path, ...extra });
const html = { accept: 'text/html' };
const json = { accept: 'application/json' };
const text = { accept: 'text/plain' };

const examples = [
  {
    name: 'auth',
    settle: 400, // the example hashes tj's password asynchronously at load
    cases: [
      { route: 'GET /', name: 'index redirects', steps: [get('/')] },
      { route: 'GET /login', name: 'login page', steps: [get('/login')] },
      { route: 'GET /restricted', name: 'restricted without session', steps: [get('/restricted'), get('/login')] },
      {
        route: 'POST /login',
        name: 'login ok, then restricted',
        steps: [
          f('/login', { username: 'tj', password: 'foobar' }, { referer: '/login' }),
          get('/login'),
          get('/restricted'),
          get('/logout'),
          get('/restricted'),
        ],
      },
      { route: 'POST /login', name: 'wrong password', steps: [f('/login', { username: 'tj', password: 'nope' }), get('/login')] },
      { route: 'POST /login', name: 'unknown user', steps: [f('/login', { username: 'nobody', password: 'x' })] },
      { route: 'POST /login', name: 'no body', steps: [req('POST', '/login')] },
      { route: 'GET /logout', name: 'logout without session', steps: [get('/logout')] },
    ],
  },
  {
    name: 'content-negotiation',
    data: { module: 'examples/content-negotiation/db.js', arrays: ['.'] },
    outcomes: ['seeded', 'empty'],
    cases: [
      { route: 'GET /', name: 'html', steps: [get('/', html)] },
      { route: 'GET /', name: 'text', steps: [get('/', text)] },
      { route: 'GET /', name: 'json', steps: [get('/', json)] },
      { route: 'GET /', name: 'unacceptable', steps: [get('/', { accept: 'image/png' })] },
      { route: 'GET /users', name: 'users html', steps: [get('/users', html)] },
      { route: 'GET /users', name: 'users text', steps: [get('/users', text)] },
      { route: 'GET /users', name: 'users json', steps: [get('/users', json)] },
      { route: 'GET /users', name: 'users unacceptable', steps: [get('/users', { accept: 'application/xml' })] },
    ],
  },
  {
    name: 'cookie-sessions',
    cases: [
      { route: 'GET /', name: 'count views', steps: [get('/'), get('/'), get('/')] },
      { route: 'GET /', name: 'tampered cookie', steps: [get('/', { cookie: 'session=eyJjb3VudCI6OX0=; session.sig=bad' })] },
    ],
  },
  {
    name: 'cookies',
    cases: [
      { route: 'GET /', name: 'form', steps: [get('/')] },
      {
        route: 'POST /',
        name: 'remember',
        steps: [f('/', { remember: '1' }, { referer: '/' }), get('/'), get('/forget', { referer: '/' }), get('/')],
      },
      { route: 'POST /', name: 'not remembered', steps: [f('/', {}), get('/')] },
      { route: 'POST /', name: 'no body', steps: [req('POST', '/')] },
      { route: 'GET /forget', name: 'forget without cookie', steps: [get('/forget')] },
      { route: 'GET /', name: 'remembered by cookie', steps: [get('/', { cookie: 'remember=1' })] },
    ],
  },
  {
    name: 'downloads',
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /files/:file(*)', name: 'file', steps: [get('/files/amazing.txt')] },
      { route: 'GET /files/:file(*)', name: 'nested file', steps: [get('/files/notes/groceries.txt')] },
      { route: 'GET /files/:file(*)', name: 'unicode name', steps: [get('/files/' + encodeURIComponent('CCTV大赛上海分赛区.txt'))] },
      { route: 'GET /files/:file(*)', name: 'missing', steps: [get('/files/missing.txt')] },
      { route: 'GET /files/:file(*)', name: 'traversal', steps: [get('/files/..%2Findex.js')] },
      { route: 'GET /files/:file(*)', name: 'folder', steps: [get('/files/notes')] },
    ],
  },
  {
    name: 'ejs',
    cases: [
      { route: 'GET /', name: 'users', steps: [get('/')] },
      { route: '(static)', name: 'stylesheet', steps: [get('/stylesheets/style.css')] },
      { route: '(none)', name: 'unknown', steps: [get('/nope')] },
    ],
  },
  {
    name: 'error',
    cases: [
      { route: 'GET /', name: 'throws', steps: [get('/')] },
      { route: 'GET /next', name: 'next(err) later', steps: [get('/next')] },
      { route: '(none)', name: 'unknown', steps: [get('/missing')] },
    ],
  },
  {
    name: 'error-pages',
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /404', name: '404 html', steps: [get('/404', html)] },
      { route: 'GET /404', name: '404 json', steps: [get('/404', json)] },
      { route: 'GET /404', name: '404 text', steps: [get('/404', text)] },
      { route: 'GET /403', name: '403', steps: [get('/403')] },
      { route: 'GET /500', name: '500', steps: [get('/500')] },
      { route: '(none)', name: 'unknown json', steps: [get('/nope', json)] },
    ],
  },
  {
    name: 'hello-world',
    cases: [
      { route: 'GET /', name: 'hello', steps: [get('/')] },
      { route: '(none)', name: 'unknown', steps: [get('/x')] },
      { route: 'GET /', name: 'POST not routed', steps: [req('POST', '/')] },
    ],
  },
  {
    name: 'markdown',
    cases: [
      { route: 'GET /', name: 'rendered', steps: [get('/')] },
      { route: 'GET /fail', name: 'missing view', steps: [get('/fail')] },
    ],
  },
  {
    name: 'multi-router',
    cases: [
      { route: 'GET /', name: 'root', steps: [get('/')] },
      { route: 'GET /api/v1/', name: 'v1 root', steps: [get('/api/v1/'), get('/api/v1')] },
      { route: 'GET /api/v1/users', name: 'v1 users', steps: [get('/api/v1/users')] },
      { route: 'GET /api/v2/', name: 'v2 root', steps: [get('/api/v2/')] },
      { route: 'GET /api/v2/users', name: 'v2 users', steps: [get('/api/v2/users')] },
      { route: '(none)', name: 'unknown version', steps: [get('/api/v3/users')] },
    ],
  },
  {
    name: 'mvc',
    data: { module: 'examples/mvc/db.js', arrays: ['users', 'pets'] },
    outcomes: ['seeded', 'empty'],
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /users', name: 'list', steps: [get('/users')] },
      { route: 'GET /user/:user_id', name: 'show', steps: [get('/user/0'), get('/user/2')] },
      { route: 'GET /user/:user_id', name: 'show missing', steps: [get('/user/99')] },
      { route: 'GET /user/:user_id/edit', name: 'edit', steps: [get('/user/1/edit'), get('/user/9/edit')] },
      { route: 'PUT /user/:user_id', name: 'update', steps: [f('/user/1?_method=put', { 'user[name]': 'Guillermo R' }), get('/user/1')] },
      { route: 'PUT /user/:user_id', name: 'update missing', steps: [f('/user/42?_method=put', { 'user[name]': 'x' })] },
      { route: 'PUT /user/:user_id', name: 'update without user field', steps: [f('/user/1?_method=put', { name: 'x' })] },
      { route: 'GET /pet/:pet_id', name: 'pet', steps: [get('/pet/0'), get('/pet/7')] },
      { route: 'GET /pet/:pet_id/edit', name: 'pet edit', steps: [get('/pet/3/edit')] },
      { route: 'PUT /pet/:pet_id', name: 'pet update', steps: [f('/pet/2?_method=put', { 'pet[name]': 'Jay' }), get('/pet/2')] },
      { route: 'PUT /pet/:pet_id', name: 'pet update missing', steps: [f('/pet/77?_method=put', { 'pet[name]': 'x' })] },
      {
        route: 'POST /user/:user_id/pet',
        name: 'add pet',
        steps: [f('/user/2/pet', { 'pet[name]': 'Snow' }), get('/user/2'), get('/pet/4')],
      },
      { route: 'POST /user/:user_id/pet', name: 'add pet to missing user', steps: [f('/user/12/pet', { 'pet[name]': 'x' })] },
      { route: 'POST /user/:user_id/pet', name: 'add pet without name', steps: [f('/user/0/pet', {})] },
      { route: '(none)', name: 'unknown', steps: [get('/nope')] },
    ],
  },
  {
    name: 'params',
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /user/:user', name: 'user', steps: [get('/user/0'), get('/user/4')] },
      { route: 'GET /user/:user', name: 'user missing', steps: [get('/user/9')] },
      { route: 'GET /user/:user', name: 'user not a number', steps: [get('/user/abc')] },
      { route: 'GET /users/:from-:to', name: 'range', steps: [get('/users/0-2'), get('/users/3-10')] },
      { route: 'GET /users/:from-:to', name: 'range reversed', steps: [get('/users/3-1')] },
      { route: 'GET /users/:from-:to', name: 'range not numbers', steps: [get('/users/a-2'), get('/users/1-b')] },
    ],
  },
  {
    name: 'resource',
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /users', name: 'list', steps: [get('/users')] },
      { route: 'GET /users/:id', name: 'show', steps: [get('/users/1'), get('/users/9')] },
      {
        route: 'GET /users/:a..:b.:format?',
        name: 'range',
        steps: [get('/users/1..3'), get('/users/1..3.json'), get('/users/2..4.html'), get('/users/4..1')],
      },
      { route: 'GET /users/:a..:b.:format?', name: 'range not numbers', steps: [get('/users/x..y.json')] },
      { route: 'DELETE /users/:id', name: 'destroy', steps: [req('DELETE', '/users/4'), req('DELETE', '/users/4'), get('/users')] },
      { route: 'DELETE /users/:id', name: 'destroy missing', steps: [req('DELETE', '/users/40'), req('DELETE', '/users/abc')] },
    ],
  },
  {
    name: 'route-map',
    cases: [
      { route: 'GET /users', name: 'list', steps: [get('/users')] },
      { route: 'DELETE /users', name: 'delete all', steps: [req('DELETE', '/users')] },
      { route: 'GET /users/:uid', name: 'get', steps: [get('/users/12'), get('/users/%3Cb%3E')] },
      { route: 'GET /users/:uid/pets', name: 'pets', steps: [get('/users/12/pets'), get('/users/a&b/pets')] },
      {
        route: 'DELETE /users/:uid/pets/:pid',
        name: 'delete pet',
        steps: [req('DELETE', '/users/12/pets/2'), req('DELETE', '/users/%22x%22/pets/%3Ci%3E')],
      },
      { route: '(none)', name: 'unknown method', steps: [req('PUT', '/users/1'), get('/users/1/pets/2')] },
    ],
  },
  {
    name: 'route-middleware',
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /user/:id', name: 'view', steps: [get('/user/0'), get('/user/2')] },
      { route: 'GET /user/:id', name: 'view missing', steps: [get('/user/7')] },
      { route: 'GET /user/:id/edit', name: 'edit self', steps: [get('/user/0/edit')] },
      { route: 'GET /user/:id/edit', name: 'edit other', steps: [get('/user/1/edit'), get('/user/5/edit')] },
      { route: 'DELETE /user/:id', name: 'delete not admin', steps: [req('DELETE', '/user/0'), req('DELETE', '/user/9')] },
    ],
  },
  {
    name: 'route-separation',
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /users', name: 'users', steps: [get('/users')] },
      { route: 'GET /user/:id', name: 'view', steps: [get('/user/0'), get('/user/1/view')] },
      { route: 'ALL /user/:id/:op?', name: 'view missing', steps: [get('/user/5'), get('/user/x/view')] },
      { route: 'GET /user/:id/edit', name: 'edit', steps: [get('/user/1/edit'), get('/user/3/edit')] },
      {
        route: 'PUT /user/:id/edit',
        name: 'update',
        steps: [f('/user/0/edit?_method=put', { 'user[name]': 'TJH', 'user[email]': 'a@b.c' }, { referer: '/user/0' }), get('/user/0')],
      },
      { route: 'PUT /user/:id/edit', name: 'update missing user', steps: [f('/user/8/edit?_method=put', { 'user[name]': 'x' })] },
      { route: 'PUT /user/:id/edit', name: 'update without user field', steps: [f('/user/0/edit?_method=put', { name: 'x' })] },
      { route: 'GET /posts', name: 'posts', steps: [get('/posts')] },
      { route: '(none)', name: 'unknown op', steps: [get('/user/0/delete')] },
    ],
  },
  {
    name: 'search',
    // needs redis-server on PATH (Debian: apt-get install redis-server); started on 127.0.0.1:6379 for the run
    redis: { failCommands: ['smembers'] },
    settle: 150,
    outcomes: ['seeded', 'empty', 'fail'],
    cases: [
      { route: 'GET /search/:query?', name: 'set', steps: [get('/search/ferret'), get('/search/cat')] },
      { route: 'GET /search/:query?', name: 'missing set', steps: [get('/search/dog')] },
      { route: 'GET /search/:query?', name: 'no query', steps: [get('/search'), get('/search/')] },
      { route: 'GET /search/:query?', name: 'odd query', steps: [get('/search/%20'), get('/search/a%2Fb')] },
      { route: 'GET /client.js', name: 'client script', steps: [get('/client.js')] },
      { route: '(static)', name: 'page', steps: [get('/'), get('/index.html')] },
    ],
  },
  {
    name: 'session',
    cases: [
      { route: 'GET /', name: 'count views', steps: [get('/'), get('/'), get('/')] },
      { route: 'GET /', name: 'unknown session cookie', steps: [get('/', { cookie: 'connect.sid=s%3Anope.bad' })] },
    ],
  },
  {
    name: 'vhost',
    cases: [
      { route: 'GET / (example.com)', name: 'main', steps: [get('/', { host: 'example.com' })] },
      { route: 'GET /:sub (example.com)', name: 'main sub', steps: [get('/tobi', { host: 'example.com' })] },
      {
        route: '(redirect app)',
        name: 'subdomain',
        steps: [get('/', { host: 'tobi.example.com' }), get('/x', { host: 'a.b.example.com' })],
      },
      { route: '(none)', name: 'other host', steps: [get('/', { host: 'other.test' })] },
    ],
  },
  {
    name: 'view-locals',
    data: { module: 'examples/view-locals/user.js', callbacks: { all: [], count: 0 } },
    outcomes: ['seeded', 'empty', 'fail'],
    cases: [
      { route: 'GET /', name: 'index', steps: [get('/')] },
      { route: 'GET /middleware', name: 'middleware', steps: [get('/middleware')] },
      { route: 'GET /middleware-locals', name: 'middleware locals', steps: [get('/middleware-locals')] },
    ],
  },
  {
    name: 'web-service',
    cases: [
      { route: 'GET /api/users', name: 'users', steps: [get('/api/users?api-key=foo')] },
      { route: 'GET /api/users', name: 'no key', steps: [get('/api/users')] },
      { route: 'GET /api/users', name: 'bad key', steps: [get('/api/users?api-key=nope')] },
      { route: 'GET /api/repos', name: 'repos', steps: [get('/api/repos?api-key=bar')] },
      {
        route: 'GET /api/user/:name/repos',
        name: 'user repos',
        steps: [get('/api/user/tobi/repos?api-key=baz'), get('/api/user/jane/repos?api-key=foo')],
      },
      { route: 'GET /api/user/:name/repos', name: 'user repos missing', steps: [get('/api/user/nobody/repos?api-key=foo')] },
      { route: '(none)', name: 'unknown', steps: [get('/api/nothing?api-key=foo'), get('/elsewhere')] },
    ],
  },
];

// examples that cannot run on this machine, with why (a changed one is reported, not silently passed)
const cannotRun = {
  online: "needs the 'online' package, not among express's installed dev dependencies (and a Redis server)",
  'view-constructor': 'renders templates fetched from GitHub over https (no network here)',
  'static-files': 'listens on port 3000 as it loads (no exported app); static files only, no route handler',
};

import { spawn, spawnSync } from 'node:child_process';

const REDIS_PORT = 6379; // the search example calls redis.createClient() with no arguments
const redisAnswers = () => spawnSync('redis-cli', ['-p', String(REDIS_PORT), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
function redisProblem() {
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'needs redis-server on PATH (Debian: apt-get install redis-server)';
  if (redisAnswers()) return `a Redis server already answers on port ${REDIS_PORT}: not ours to flush`;
  return undefined;
}

export default {
  name: 'express',
  defaultDir: '/work/apps/express',
  copy: ['examples', 'lib', 'index.js', 'package.json'],
  transformPaths: ['examples'],
  probe: 'express.probe.cjs',
  select({ changedFiles, all }) {
    const changed = new Set(changedFiles.filter((p) => p.startsWith('examples/')).map((p) => p.split('/')[1]));
    const notes = [`examples changed by the transform: ${[...changed].sort().join(', ') || '(none)'}`];
    const missing = [...changed].filter((n) => !examples.some((e) => e.name === n));
    for (const n of missing) notes.push(`  ${n}: ${cannotRun[n] ? 'cannot be compared here: ' + cannotRun[n] : 'NO REQUEST TABLE'}`);
    const noRedis = redisProblem();
    const runnable = examples.filter((e) => !(e.redis && noRedis));
    for (const e of examples.filter((x) => x.redis && noRedis))
      if (all || changed.has(e.name)) notes.push(`  ${e.name}: cannot be compared here: ${noRedis}`);
    if (noRedis) for (const e of examples.filter((x) => x.redis && changed.has(x.name))) missing.push(e.name);
    const chosen = runnable
      .filter((e) => all || changed.has(e.name))
      .map((e) => ({ ...e, entry: e.entry || `examples/${e.name}/index.js` }));
    notes.push(`comparing ${chosen.length} example(s): ${chosen.map((e) => e.name).join(', ')}`);
    return {
      spec: { examples: chosen },
      routes: chosen.flatMap((e) => e.cases.map((c) => `${e.name} ${c.route}`)),
      notes,
      error: missing.length ? `changed example(s) not compared: ${missing.join(', ')}` : undefined,
    };
  },
  // a private redis-server for the examples that need one, stopped (by its pid) when the run ends
  async setup(spec) {
    if (!spec.examples.some((e) => e.redis)) return undefined;
    const server = spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && !redisAnswers(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!redisAnswers()) {
      server.kill();
      throw new Error(`redis-server did not answer on port ${REDIS_PORT}`);
    }
    return () => server.kill();
  },
};
