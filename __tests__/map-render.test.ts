// Rendering of `remodel map` (terminal tree, Mermaid, HTML) from a model in its JSON form, and the matching of
// transform findings to routes. The model here is written by hand, so these tests do not depend on the builder.
import { describe, expect, it } from 'vitest';
import { DISCOVERED_MODEL, fn, HOSTILE, loc, MODEL, NOTES_CREATE, route } from './support/map-model.js';
import { renderTerminal } from '../src/map/terminal.js';
import { mermaidText, renderMermaid } from '../src/map/mermaid.js';
import { esc, renderHtml } from '../src/map/html.js';
import { matchFindings, type TransformPreview } from '../src/map/dry-run.js';

describe('remodel map: terminal', () => {
  it('prints a tree per route: chain with the handler location, then reads → data calls → exits', () => {
    const out = renderTerminal(MODEL, { color: false });
    const lines = out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('POST'));
    expect(lines[head]).toBe("POST   /api/patients/:id/notes  auth.requireRole('doctor') → notes.create (controllers/notes.js:12)");
    expect(lines[head + 1]).toBe(
      '       reads headers.authorization, body.text: string, params.id  → db.notes.insert, db.patients.find  → 401 {error} · 201 {…} · 404 {error} · next(err) (in promise)',
    );
    expect(out).not.toContain('\u001b[');
  });

  it('lists what was not followed with reasons, and a summary line', () => {
    const out = renderTerminal(MODEL, { color: false });
    expect(out).toContain('Not followed');
    expect(out).toContain('routes/items.js:30  unknown-factory-result  DELETE /api/items/:id: the final handler is not known');
    expect(out).toContain('routes/items.js:30  unknown-factory-result  DELETE /api/items/:id: makeHandler(opts): makeHandler returns a value that is not a function literal');
    expect(out).toContain('app.js:40  dynamic-path  GET app.get(prefix + "/x", …): the path is not a literal');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 routes (express 3), 1 with unresolved parts, 1 site not followed');
  });

  it('colors only when asked', () => {
    const out = renderTerminal(MODEL, { color: true });
    expect(out).toContain('\u001b[');
    expect(out.replace(/\u001b\[\d+m/g, '')).toBe(renderTerminal(MODEL, { color: false }));
  });

  it('an empty model says so', () => {
    expect(renderTerminal({ schemaVersion: 1, root: '.', routes: [], unresolved: [] }, { color: false })).toBe('\n0 routes, 0 with unresolved parts, 0 sites not followed\n');
  });
});

describe('remodel map: Mermaid', () => {
  it('escapes every character that would end a label or be read as markup', () => {
    expect(mermaidText('a "b" <c> & #d; `e`\nf')).toBe('a #quot;b#quot; #lt;c#gt; #amp; #35;d; #96;e#96; f');
  });

  it('is a flowchart LR with generated node ids and quoted labels', () => {
    const chart = renderMermaid(MODEL);
    expect(chart.startsWith('flowchart LR\n')).toBe(true);
    expect(chart).toContain('subgraph r0 ["POST /api/patients/:id/notes"]');
    expect(chart).toContain(`r0_c0["auth.requireRole('doctor')<br/>auth.js:3"]`);
    expect(chart).toContain('r0_c1_d0[("db.notes.insert")]');
    expect(chart).toContain('r0_c0_x0(["401 {error}"])');
    expect(chart).toContain('r0_in --> r0_c0');
    expect(chart).toContain('r0_c0 --> r0_c1');
    // Node ids are only ever r<i>, r<i>_in, r<i>_c<j>, ...: nothing from the code.
    const ids = [...chart.matchAll(/^\s+(r[\w]+)[[(]/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(/^r\d+(_in|_u|_c\d+(_d\d+|_x\d+)?)$/);
    // No raw quote, angle bracket or backtick from the hostile route survives inside a label.
    const hostile = chart.split('\n').filter((l) => l.includes('alert'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const line of hostile) {
      const inner = line.replace(/^[^"]*"/, '').replace(/"[^"]*$/, '');
      expect(inner.replace(/<br\/>/g, '')).not.toMatch(/["<>`]/);
    }
  });
});

describe('remodel map: HTML', () => {
  const previews: TransformPreview[] = [
    {
      transform: 'introduce-dto',
      changedFiles: ['controllers/notes.js'],
      byRoute: new Map([[0, [{ file: 'routes/notes.js', line: 8, reason: 'typed', message: 'POST /api/patients/:id/notes: CreateNoteBody' }]]]),
      other: [],
      durationMs: 1,
    },
    { transform: 'extract-service', blocked: 'refused: <b>no</b> routes', changedFiles: [], byRoute: new Map(), other: [], durationMs: 1 },
  ];

  it('one self-contained page: no external resource, a CSP that forbids loading any', () => {
    const page = renderHtml(MODEL, { title: 'src', previews });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    expect(page).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('a table row and a flow section per route, with handler size and the dry-run outcomes', () => {
    const page = renderHtml(MODEL, { title: 'src', previews });
    expect(page.match(/<tr data-route=/g)).toHaveLength(3);
    expect(page.match(/<article class="route"/g)).toHaveLength(3);
    expect(page).toContain('<td class="outcome good" title="POST /api/patients/:id/notes: CreateNoteBody">typed</td>');
    expect(page).toContain('<td class="outcome bad" title="refused: &lt;b&gt;no&lt;/b&gt; routes">blocked</td>');
    expect(page).toContain('11 lines of logic');
    expect(page).toContain('2 data calls, 2 responses inside the handler');
    expect(page).toContain('<li class="data" title="module"><code>db.notes.insert</code></li>');
    expect(page).toContain('unknown-factory-result');
    expect(page).toContain('Not followed (3)');
  });

  it('escapes user data everywhere (no tag or attribute from a route path or label)', () => {
    const page = renderHtml(MODEL, { title: '<i>t</i>', previews });
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<i>t</i>');
    expect(page).toContain(esc(HOSTILE.path));
    expect(page).toContain('data-path="/x/&lt;img src=x onerror=&quot;alert(1)&quot;&gt;/#amp;/`md`"');
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('remodel map: findings of a dry run → routes', () => {
  const routes = [
    NOTES_CREATE,
    route({ method: 'get', path: '/', registration: loc('routes/list.js', 5), chain: [fn({ role: 'handler', label: 'list', loc: loc('routes/list.js', 10, 14) })] }),
    route({ method: 'post', path: '/', registration: loc('routes/list.js', 5), chain: [fn({ role: 'handler', label: 'create', loc: loc('routes/list.js', 16, 30) })] }),
  ];

  it('by registration line; a shared line by the method the message names; else by the function that spans the line', () => {
    const { byRoute, other } = matchFindings(
      [
        { file: 'routes/notes.js', line: 8, reason: 'extracted', message: 'POST /api/patients/:id/notes: extracted' },
        { file: 'routes/list.js', line: 5, reason: 'skipped', message: 'POST /: skipped, response inside try' },
        { file: 'routes/list.js', line: 12, reason: 'already-typed', message: 'list: already typed' },
        { file: 'controllers/notes.js', line: 20, reason: 'x', message: 'inside the handler' },
        { file: 'routes/list.js', line: 40, reason: 'y', message: 'nowhere' },
        { file: 'routes/list.js', reason: 'summary', message: 'no line' },
      ],
      routes,
    );
    expect(byRoute.get(0)!.map((f) => f.reason)).toEqual(['extracted', 'x']);
    expect(byRoute.get(1)!.map((f) => f.reason)).toEqual(['already-typed']);
    expect(byRoute.get(2)!.map((f) => f.reason)).toEqual(['skipped']);
    expect(other.map((f) => f.reason)).toEqual(['y', 'summary']);
  });
});

describe('remodel map: routes found by static evaluation (discovered)', () => {
  it('the terminal tree says how the route was found, where, and why', () => {
    const lines = renderTerminal(DISCOVERED_MODEL, { color: false }).split('\n');
    const head = lines.findIndex((l) => l.startsWith('GET'));
    expect(lines[head + 2]).toBe('    (found by directory scan, lib/boot.js:9) the folder controllers was read at analysis time; routes follow its files as they are now');
    expect(renderTerminal(MODEL, { color: false })).not.toContain('found by');
  });

  it('the HTML page shows it in the route table and in the route section', () => {
    const page = renderHtml(DISCOVERED_MODEL, { title: 'src', previews: [] });
    expect(page).toContain('<span class="found" title="lib/boot.js:9: the folder controllers was read at analysis time; routes follow its files as they are now">(found by directory scan)</span>');
    expect(page).toContain('<p class="found">found by directory scan at <span class="loc">lib/boot.js:9</span>:');
    expect(renderHtml(MODEL, { title: 'src', previews: [] })).not.toContain('class="found"');
  });

  it('the Mermaid subgraph title carries it on a second line', () => {
    expect(renderMermaid(DISCOVERED_MODEL)).toContain('subgraph r0 ["GET /pets<br/>(found by directory scan)"]');
    const evaluated = { ...DISCOVERED_MODEL, routes: [{ ...DISCOVERED_MODEL.routes[0], discovered: { ...DISCOVERED_MODEL.routes[0].discovered!, by: 'evaluation' as const } }] };
    expect(renderMermaid(evaluated)).toContain('(found by static evaluation)');
  });
});
