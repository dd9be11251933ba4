/**
 * `remodel map --html <file>`: one self-contained page (inline CSS, a few lines of inline script, no request to
 * anything: a Content-Security-Policy forbids it) with the route table, a flow diagram per route, how fat each
 * handler is and what introduce-dto and extract-service would do to it.
 *
 * Everything taken from the code (paths, labels, callees, messages) is user data and goes through `esc`; the script
 * only reads `textContent` and toggles `hidden`.
 */
import type { AppModelJson, ChainFunctionJson, RouteJson } from '../app-model/index.js';
import type { Finding, TransformPreview } from './dry-run.js';
import { at, errorLabel, readLabel, responseLabel, routeView, summarizeModel, summaryLine, type RouteView } from './view.js';

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export interface HtmlOptions {
  /** Shown in the title: the folder that was mapped. */
  title: string;
  /** Dry runs of introduce-dto and extract-service (absent: not run). */
  previews?: TransformPreview[];
}

const FAILURE = /next\(err\)|throw|^[45]\d\d\b/;

export function renderHtml(model: AppModelJson, options: HtmlOptions): string {
  const views = model.routes.map(routeView);
  const summary = summarizeModel(model);
  const maxLines = Math.max(1, ...views.map((v) => v.handler?.logicLines ?? 0));
  const previews = options.previews ?? [];
  const body = [
    `<header><h1>remodel map <span class="where">${esc(options.title)}</span></h1>`,
    `<p class="summary" id="summary">${esc(summaryLine(summary))}</p>`,
    previews.length
      ? `<p class="note">introduce-dto and extract-service columns: a dry run of each (as <code>remodel run &lt;transform&gt; --dry</code>; nothing was written).</p>`
      : '',
    `<label class="filter">Filter routes <input id="filter" type="search" placeholder="method, path, handler, reason…" autocomplete="off"></label>`,
    `</header>`,
    `<main>`,
    routeTable(model.routes, views, previews, maxLines),
    `<section id="flows"><h2>Flow per route</h2>`,
    ...model.routes.map((r, i) => routeSection(r, views[i], previews, maxLines)),
    `</section>`,
    unresolvedSection(model, views),
    otherFindings(previews),
    `</main>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="remodel map">
<title>remodel map: ${esc(options.title)} (${summary.routes} routes)</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function outcome(preview: TransformPreview, index: number): { text: string; cls: string; title: string } {
  if (preview.blocked) return { text: 'blocked', cls: 'bad', title: preview.blocked };
  const findings = preview.byRoute.get(index) ?? [];
  if (!findings.length) return { text: '—', cls: 'none', title: 'no finding on this route' };
  const reasons = [...new Set(findings.map((f) => f.reason ?? 'note'))];
  const good = reasons.some((r) => /^(extracted|typed|dto|changed|converted)/.test(r));
  return { text: reasons.join(', '), cls: good ? 'good' : 'skip', title: findings.map((f) => f.message).join('\n') };
}

function routeTable(routes: RouteJson[], views: RouteView[], previews: TransformPreview[], maxLines: number): string {
  const head = ['Method', 'Path', 'Chain', 'Handler', 'Logic lines', 'Data calls', ...previews.map((p) => p.transform)]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('');
  const rows = views.map((v, i) => {
    const handler = v.handler ? `${esc(v.handler.label)}${v.handler.where ? ` <span class="loc">${esc(v.handler.where)}</span>` : ''}` : '<span class="bad">unresolved</span>';
    const cells = [
      `<td class="method m-${esc(v.method.toLowerCase())}">${esc(v.method)}</td>`,
      `<td class="path"><a href="#route-${i}"><code>${esc(v.path)}</code></a>${v.discovered ? ` <span class="found" title="${esc(`${v.discovered.from}: ${v.discovered.detail}`)}">(${esc(v.discovered.text)})</span>` : ''}${v.unresolved.length ? ` <span class="bad" title="${esc(v.unresolved.map((u) => `${u.reason}: ${u.detail}`).join('\n'))}">?</span>` : ''}</td>`,
      `<td class="num">${v.chain.length}</td>`,
      `<td class="handler">${handler}</td>`,
      `<td class="num">${v.handler ? `${v.handler.logicLines} ${bar(v.handler.logicLines, maxLines)}` : ''}</td>`,
      `<td class="num">${v.handler ? v.handler.dataCalls : ''}</td>`,
      ...previews.map((p) => {
        const o = outcome(p, i);
        return `<td class="outcome ${o.cls}" title="${esc(o.title)}">${esc(o.text)}</td>`;
      }),
    ];
    return `<tr data-route="${i}" data-method="${esc(v.method)}" data-path="${esc(routes[i].path)}">${cells.join('')}</tr>`;
  });
  return `<section id="routes"><h2>Routes</h2>
<table id="route-table"><thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function bar(value: number, max: number): string {
  const pct = Math.round((Math.min(value, max) / max) * 100);
  return `<span class="bar" aria-hidden="true"><span style="width:${pct}%"></span></span>`;
}

const ARROW = '<svg class="arrow" viewBox="0 0 32 14" width="32" height="14" aria-hidden="true"><path d="M0 7h24" /><path d="M22 2l8 5-8 5z" /></svg>';

function box(cls: string, title: string, lines: string[], sub = ''): string {
  return `<div class="box ${cls}"><div class="title">${title}</div>${lines.map((l) => `<div class="line">${l}</div>`).join('')}${sub}</div>`;
}

function chainBox(fn: ChainFunctionJson): string {
  if (fn.unresolved) {
    return box('unresolved', esc(fn.label), [`<span class="bad">? ${esc(fn.unresolved.reason)}</span>`, esc(fn.unresolved.detail)]);
  }
  const meta = [fn.loc ? `<span class="loc">${esc(at(fn.loc))}</span>` : '', `<span class="role">${esc(fn.role)} · ${esc(fn.shape)} · ${plural(fn.logicLines, 'line')}</span>`];
  if (fn.setsRequestFields.length) meta.push(`sets ${fn.setsRequestFields.map((f) => `<code>req.${esc(f)}</code>`).join(', ')}`);
  if (fn.callsNext) meta.push('calls <code>next()</code>');
  const data = [...new Set(fn.dataCalls.map((d) => `${d.callee}\0${d.kind}`))].map((k) => {
    const [callee, kind] = k.split('\0');
    return `<li class="data" title="${esc(kind)}"><code>${esc(callee)}</code></li>`;
  });
  const exits = [...new Set([...fn.responses.map(responseLabel), ...fn.errorExits.map(errorLabel)])].map(
    (e) => `<li class="exit ${FAILURE.test(e) ? 'failure' : 'response'}">${esc(e)}</li>`,
  );
  const sub = data.length || exits.length ? `<ul class="outs">${[...data, ...exits].join('')}</ul>` : '';
  return box(fn.role === 'handler' ? 'handler' : 'middleware', esc(fn.label), meta.filter(Boolean), sub);
}

function routeSection(route: RouteJson, v: RouteView, previews: TransformPreview[], maxLines: number): string {
  const reads = [...new Set(route.chain.flatMap((fn) => fn.reads.map(readLabel)))];
  const request = box('request', 'request', reads.length ? reads.map((r) => `<code>${esc(r)}</code>`) : ['<span class="muted">reads nothing</span>']);
  const steps = [request, ...route.chain.map(chainBox)];
  if (!route.chain.length) steps.push(box('unresolved', 'no handler', route.unresolved ? [esc(`${route.unresolved.reason}: ${route.unresolved.detail}`)] : []));
  const flow = `<div class="flow">${steps.join(ARROW)}</div>`;
  const fat = v.handler
    ? `<p class="fat">Handler <code>${esc(v.handler.label)}</code>: ${plural(v.handler.logicLines, 'line')} of logic ${bar(v.handler.logicLines, maxLines)}, ${plural(v.handler.dataCalls, 'data call')}, ${plural(v.handler.responses, 'response')} inside the handler.</p>`
    : '';
  const unresolved = v.unresolved.length
    ? `<ul class="unresolved">${v.unresolved.map((u) => `<li><span class="bad">${esc(u.reason)}</span> ${esc(u.what === 'route' ? '' : `${u.what}: `)}${esc(u.detail)}</li>`).join('')}</ul>`
    : '';
  const found = v.discovered ? `<p class="found">${esc(v.discovered.text)} at <span class="loc">${esc(v.discovered.from)}</span>: ${esc(v.discovered.detail)}</p>` : '';
  const transforms = previews.length
    ? `<div class="previews">${previews.map((p) => previewBlock(p, v.index)).join('')}</div>`
    : '';
  return `<article class="route" id="route-${v.index}" data-route="${v.index}">
<h3><span class="method m-${esc(v.method.toLowerCase())}">${esc(v.method)}</span> <code class="path">${esc(v.path)}</code> <span class="loc">registered at ${esc(v.registeredAt)} · ${esc(v.framework)}</span></h3>
${flow}
${fat}${found}${unresolved}${transforms}
</article>`;
}

function findingItem(f: Finding): string {
  return `<li>${f.reason ? `<span class="reason">${esc(f.reason)}</span> ` : ''}${esc(f.message)} <span class="loc">${esc(f.file)}${f.line ? `:${f.line}` : ''}</span></li>`;
}

function previewBlock(p: TransformPreview, index: number): string {
  const findings = p.byRoute.get(index) ?? [];
  const items = p.blocked
    ? `<li class="bad">${esc(p.blocked)}</li>`
    : findings.length
      ? findings.map(findingItem).join('')
      : '<li class="muted">no finding on this route</li>';
  return `<div class="preview"><h4>${esc(p.transform)}</h4><ul>${items}</ul></div>`;
}

function unresolvedSection(model: AppModelJson, views: RouteView[]): string {
  const items = [
    ...views.flatMap((v) =>
      v.unresolved.map((u) => `<li><span class="bad">${esc(u.reason)}</span> <a href="#route-${v.index}">${esc(`${v.method} ${v.path}`)}</a> ${esc(u.what === 'route' ? '' : `${u.what}: `)}${esc(u.detail)} <span class="loc">${esc(v.registeredAt)}</span></li>`),
    ),
    ...model.unresolved.map(
      (s) => `<li><span class="bad">${esc(s.reason)}</span> ${esc(s.method ? `${s.method.toUpperCase()} ` : '')}${esc(s.detail)} <span class="loc">${esc(`${s.loc.file}:${s.loc.line}`)}</span></li>`,
    ),
  ];
  return `<section id="unresolved"><h2>Not followed (${items.length})</h2>${items.length ? `<ul>${items.join('\n')}</ul>` : '<p class="muted">Every registration was followed.</p>'}</section>`;
}

function otherFindings(previews: TransformPreview[]): string {
  const blocks = previews
    .filter((p) => p.other.length || p.changedFiles.length)
    .map(
      (p) =>
        `<div class="preview"><h4>${esc(p.transform)}</h4>${p.changedFiles.length ? `<p>Would change ${p.changedFiles.length} file(s): ${p.changedFiles.map((f) => `<code>${esc(f)}</code>`).join(', ')}</p>` : ''}${p.other.length ? `<ul>${p.other.map(findingItem).join('')}</ul>` : ''}</div>`,
    );
  return blocks.length ? `<section id="transforms"><h2>Transforms, whole run</h2>${blocks.join('')}</section>` : '';
}

const CSS = `
:root{--fg:#1d2330;--muted:#6b7280;--line:#d9dde5;--bg:#fff;--soft:#f6f7f9;--blue:#2f5fb3;--green:#2e7d4f;--red:#b83232;--amber:#a86b00}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--soft)}
h1{margin:0 0 4px;font-size:20px}h1 .where{font-weight:400;color:var(--muted)}
h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:0 0 8px}h4{margin:6px 0 2px;font-size:13px}
main{padding:0 24px 40px}
code{font:12.5px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.summary{margin:4px 0;font-weight:600}.note{margin:4px 0;color:var(--muted)}
.filter input{margin-left:6px;padding:4px 8px;width:280px;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}
.method{font-weight:700;font-family:ui-monospace,monospace;color:var(--blue)}
.m-post{color:var(--green)}.m-delete{color:var(--red)}.m-put,.m-patch{color:var(--amber)}
.loc{color:var(--muted);font-size:12px;font-family:ui-monospace,monospace}
.bar{display:inline-block;width:60px;height:8px;background:#eceef2;border-radius:4px;vertical-align:middle;margin-left:4px}
.bar span{display:block;height:100%;background:#d28a2c;border-radius:4px}
.outcome.good{color:var(--green)}.outcome.skip{color:var(--amber)}.outcome.bad,.bad{color:var(--red)}.outcome.none,.muted{color:var(--muted)}
.route{border:1px solid var(--line);border-radius:6px;padding:12px;margin:12px 0}
.flow{display:flex;align-items:flex-start;flex-wrap:wrap;gap:4px 0}
.arrow{flex:none;margin-top:14px;stroke:#8a93a6;stroke-width:2;fill:#8a93a6}
.box{border:1px solid #b9c0cf;border-radius:6px;padding:6px 8px;min-width:120px;max-width:340px;background:#fff}
.box .title{font-weight:600;font-family:ui-monospace,monospace;word-break:break-all}
.box .line{font-size:12px;word-break:break-all}
.box.request{background:#f4f4f8}.box.middleware{background:#f7f7fb}.box.handler{border:2px solid var(--blue);background:#eef3fd}
.box.unresolved{border:2px dashed var(--red);background:#fdf1f1}
.role{color:var(--muted)}
.outs{list-style:none;margin:6px 0 0;padding:0}
.outs li{margin:2px 0;padding:1px 6px;border-radius:10px;font-size:12px;font-family:ui-monospace,monospace;word-break:break-all}
.outs .data{background:#fff3d6;border:1px solid #e2c27a;border-radius:3px 3px 8px 8px}
.outs .response{background:#e6f4ea;border:1px solid #9ccaa9}.outs .failure{background:#fbe5e5;border:1px solid #e0a3a3}
.fat{margin:8px 0 0}
.previews{display:flex;gap:24px;flex-wrap:wrap}.preview ul{margin:2px 0;padding-left:18px}.reason{font-family:ui-monospace,monospace;font-size:12px;background:var(--soft);padding:0 4px;border-radius:3px}
ul.unresolved{margin:6px 0;padding-left:18px}
.found{color:#6b3fa0;font-size:12px}
`;

// Filters the table rows and route sections by the text typed (read with textContent, nothing is parsed as HTML).
const SCRIPT = `
(function () {
  var input = document.getElementById('filter');
  if (!input) return;
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    document.querySelectorAll('#route-table tbody tr, article.route').forEach(function (el) {
      el.hidden = q !== '' && el.textContent.toLowerCase().indexOf(q) === -1;
    });
  });
})();
`;
