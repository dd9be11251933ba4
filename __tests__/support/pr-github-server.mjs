// A stand-in for the GitHub REST API, for the `remodel pr` tests. It runs in a worker thread (started by
// pr-github.ts) so that it keeps answering while the test blocks in spawnSync. Only the endpoints remodel uses
// exist; every request is recorded. Test control lives under /_fake/ (no token needed).
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { token, owner, repo, defaultBranch, originDir } = workerData;
const prefix = `/repos/${owner}/${repo}`;
const state = { requests: [], pulls: [], failures: [] };

/** The branch's current commit in the bare origin, as GitHub reports `head.sha`. */
function branchSha(branch) {
  try {
    return execFileSync('git', ['--git-dir', originDir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function view(pull) {
  const sha = pull.state === 'open' ? (branchSha(pull.head.ref) ?? pull.head.sha) : pull.head.sha;
  return { ...pull, head: { ...pull.head, sha }, comments: undefined };
}

function send(res, status, body, headers = {}) {
  // No keep-alive: the test's client sits blocked in spawnSync between calls, and a pooled socket the server
  // timed out meanwhile would fail the next call.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function handle(req, res, body) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = url.pathname;

  if (path === '/_fake/state') return send(res, 200, { requests: state.requests, pulls: state.pulls.map((p) => ({ ...view(p), comments: p.comments })) });
  if (path === '/_fake/fail' && req.method === 'POST') {
    state.failures.push(body);
    return send(res, 204);
  }
  if (path === '/_fake/close' && req.method === 'POST') {
    const pull = state.pulls.find((p) => p.number === body.number);
    pull.state = 'closed';
    pull.head.sha = branchSha(pull.head.ref);
    return send(res, 204);
  }

  state.requests.push({
    method: req.method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: body ?? null,
    authorization: req.headers.authorization ?? null,
  });
  const failure = state.failures.findIndex((f) => f.method === req.method && new RegExp(f.path).test(path));
  if (failure >= 0) {
    const [f] = state.failures.splice(failure, 1);
    // Fault modes: never answer (a dead proxy), or a 200 with an HTML page (a login portal, a wrong --api-url).
    if (f.mode === 'hang') return undefined;
    if (f.mode === 'html') {
      res.writeHead(f.status ?? 200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      return res.end('<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>\n');
    }
    return send(res, f.status, f.body, f.headers);
  }
  if (req.headers.authorization !== `token ${token}`) {
    return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
  }

  if (req.method === 'GET' && path === prefix) return send(res, 200, { full_name: `${owner}/${repo}`, default_branch: defaultBranch });

  if (path === `${prefix}/pulls` && req.method === 'GET') {
    const wantState = url.searchParams.get('state') ?? 'open';
    const head = url.searchParams.get('head');
    const list = state.pulls
      .filter((p) => wantState === 'all' || p.state === wantState)
      .filter((p) => !head || `${owner}:${p.head.ref}` === head)
      .reverse();
    return send(res, 200, list.map(view));
  }

  if (path === `${prefix}/pulls` && req.method === 'POST') {
    const sha = branchSha(body.head);
    const missing = ['title', 'head', 'base'].filter((k) => !body[k]);
    if (missing.length || !sha) {
      return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: missing[0] ?? 'head', code: 'invalid' }] });
    }
    if (state.pulls.some((p) => p.state === 'open' && p.head.ref === body.head)) {
      return send(res, 422, { message: 'Validation Failed', errors: [{ message: `A pull request already exists for ${owner}:${body.head}.` }] });
    }
    const number = state.pulls.length + 1;
    const pull = {
      number,
      html_url: `https://github.example/${owner}/${repo}/pull/${number}`,
      title: body.title,
      body: body.body ?? null,
      state: 'open',
      merged_at: null,
      head: { ref: body.head, sha },
      base: { ref: body.base },
      labels: [],
      comments: [],
    };
    state.pulls.push(pull);
    return send(res, 201, view(pull));
  }

  const pullMatch = /^\/repos\/[^/]+\/[^/]+\/(pulls|issues)\/(\d+)(\/labels|\/comments)?$/.exec(path);
  const pull = pullMatch && state.pulls.find((p) => p.number === Number(pullMatch[2]));
  if (pullMatch && !pull) return send(res, 404, { message: 'Not Found' });

  if (pullMatch && pullMatch[1] === 'pulls' && !pullMatch[3] && req.method === 'PATCH') {
    for (const key of ['title', 'body', 'state']) if (body[key] !== undefined) pull[key] = body[key];
    if (body.base) pull.base = { ref: body.base };
    if (body.state === 'closed') pull.head.sha = branchSha(pull.head.ref) ?? pull.head.sha;
    return send(res, 200, view(pull));
  }
  if (pullMatch && pullMatch[1] === 'issues' && pullMatch[3] === '/labels' && req.method === 'POST') {
    for (const name of body.labels) if (!pull.labels.some((l) => l.name === name)) pull.labels.push({ name });
    return send(res, 200, pull.labels);
  }
  if (pullMatch && pullMatch[1] === 'issues' && pullMatch[3] === '/comments' && req.method === 'POST') {
    pull.comments.push(body.body);
    return send(res, 201, { id: pull.comments.length, body: body.body });
  }
  return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
}

const server = http.createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    try {
      handle(req, res, raw ? JSON.parse(raw) : undefined);
    } catch (err) {
      send(res, 500, { message: String(err && err.stack) });
    }
  });
});

server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
