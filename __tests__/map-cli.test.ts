// `remodel map` end to end: the built CLI on a small real Express app (files on disk), every output, usage errors,
// and that nothing but the named --html file is ever written.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mtimes, runCli, snapshot, tempDir, writeFiles } from './support/helpers.js';
import { FIXTURE_APP, FIXTURE_ROUTES } from './support/map-model.js';

let app: string;

beforeAll(() => {
  app = tempDir('remodel-map-');
  writeFiles(app, FIXTURE_APP);
});

/** Runs the CLI and checks that the app's files are exactly as they were (bytes and mtimes). */
function mapUnchanged(args: string[], env: Record<string, string> = {}) {
  const before = snapshot(app);
  const times = mtimes(app);
  const res = runCli(['map', ...args], app, env);
  expect(snapshot(app)).toEqual(before);
  expect(mtimes(app)).toEqual(times);
  return res;
}

describe('remodel map (CLI)', () => {
  it('terminal: a tree per route with chain, handler location, reads, data calls and exits; a summary; writes nothing', () => {
    const res = mapUnchanged(['src']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const lines = res.stdout.split('\n');
    const post = lines.findIndex((l) => l.startsWith('POST'));
    expect(lines[post]).toBe("POST /api/patients/:id/notes  auth.requireRole('doctor') → notes.create (src/controllers/notes.js:3)");
    expect(lines[post + 1]).toBe(
      '     reads headers.authorization, params.id, body.text  → db.patients.find, db.notes.insert  → 401 {error} · 404 {error} · 201 value · next(err)',
    );
    expect(res.stdout).toContain('GET  /api/patients/:id/notes  notes.list (src/controllers/notes.js:14)');
    expect(res.stdout).not.toContain('Not followed');
    expect(res.stdout.trimEnd().split('\n').at(-1)).toBe('4 routes (express 4), 0 with unresolved parts, 0 sites not followed');
    expect(res.stdout).not.toContain('\u001b[');
  });

  it('terminal: colored when asked (FORCE_COLOR)', () => {
    const res = mapUnchanged(['src'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(res.stdout).toContain('\u001b[');
    expect(res.stdout.replace(/\u001b\[\d+m/g, '')).toBe(mapUnchanged(['src']).stdout);
  });

  it('--json: the model (schemaVersion 1) on stdout, the summary on stderr', () => {
    const res = mapUnchanged(['src', '--json']);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.root).toBe('.');
    expect(json.routes.map((r: any) => `${r.method.toUpperCase()} ${r.path}`)).toEqual(FIXTURE_ROUTES);
    const post = json.routes[2];
    expect(post.chain.map((f: any) => [f.role, f.label, f.loc?.file, f.loc?.line])).toEqual([
      ['middleware', "auth.requireRole('doctor')", 'src/auth.js', 2],
      ['handler', 'notes.create', 'src/controllers/notes.js', 3],
    ]);
    expect(res.stderr).toBe('4 routes (express 4), 0 with unresolved parts, 0 sites not followed\n');
  });

  it('--mermaid: a flowchart on stdout', () => {
    const res = mapUnchanged(['src', '--mermaid']);
    expect(res.code).toBe(0);
    expect(res.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(res.stdout).toContain('subgraph r2 ["POST /api/patients/:id/notes"]');
    expect(res.stdout).toContain('subgraph r1 ["GET /x/#lt;img src=x onerror=alert(1)#gt;/#quot;q#quot;"]');
  });

  it('--html <file>: writes that one file and nothing else', () => {
    const out = tempDir('remodel-map-out-');
    const target = path.join(out, 'map.html');
    const res = mapUnchanged(['src', '--html', target]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('4 routes (express 4)');
    expect(fs.readdirSync(out)).toEqual(['map.html']);
    const page = fs.readFileSync(target, 'utf8');
    expect(page.match(/<tr data-route=/g)).toHaveLength(4);
    expect(page).not.toContain('<img');
    // The dry runs ran: introduce-dto has an outcome for the routes that read input.
    expect(page).toMatch(/<th scope="col">introduce-dto<\/th><th scope="col">extract-service<\/th>/);
  });

  it('--html inside the project writes only that file there', () => {
    const res = runCli(['map', 'src', '--html', 'map.html', '--no-transforms'], app);
    try {
      expect(res.code).toBe(0);
      const files = [...snapshot(app).keys()].sort();
      expect(files).toEqual([...Object.keys(FIXTURE_APP), 'map.html'].map((f) => path.normalize(f)).sort());
      expect(fs.readFileSync(path.join(app, 'map.html'), 'utf8')).not.toContain('introduce-dto</th>');
    } finally {
      fs.rmSync(path.join(app, 'map.html'), { force: true });
    }
  });

  it.each([
    [['--html', 'src'], /--html src: is a folder/],
    [['--html', 'nope/map.html'], /--html nope\/map.html: folder nope does not exist/],
    [['--html', ''], /--html needs a file name/],
    [['--json', '--mermaid'], /mutually exclusive/],
    [['--mermaid', '--html', 'x.html'], /mutually exclusive/],
    [['--jsno'], /Unknown argument: jsno/],
    [['--html', 'src/app.js'], /--html src\/app.js: is one of the files being mapped/],
    [['missing-dir'], /path not found: missing-dir/],
  ])('usage error %j: exit 2, a clear message, nothing written', (args, message) => {
    const res = mapUnchanged(['src', ...args]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(res.stdout).toBe('');
  });
});
