/** `remodel map` on a terminal: one short tree per route, what could not be followed, a summary line. */
import pc from 'picocolors';
import type { AppModelJson } from '../app-model/index.js';
import { routeView, summarizeModel, summaryLine, type RouteView } from './view.js';

export interface TerminalOptions {
  color: boolean;
}

export function renderTerminal(model: AppModelJson, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const views = model.routes.map(routeView);
  const width = Math.min(8, Math.max(0, ...views.map((v) => v.method.length)));
  let out = '';
  for (const v of views) out += routeLines(v, width, c);
  const problems = unresolvedLines(model, views, c);
  if (problems) out += `\n${c.bold('Not followed')}\n${problems}`;
  out += `\n${summaryLine(summarizeModel(model))}\n`;
  return out;
}

type Colors = ReturnType<typeof pc.createColors>;

function routeLines(v: RouteView, width: number, c: Colors): string {
  const chain = v.chain
    .map((s) => {
      if (s.unresolved) return c.red(`${s.label} (?)`);
      const label = s.role === 'handler' ? c.bold(s.label) : s.label;
      return s.role === 'handler' && s.where ? `${label} ${c.dim(`(${s.where})`)}` : label;
    })
    .join(c.dim(' → '));
  const head = `${c.bold(c.cyan(v.method.padEnd(width)))} ${c.bold(v.path)}  ${chain || c.red('(no handler)')}`;
  const parts: string[] = [];
  parts.push(v.reads.length ? `reads ${v.reads.join(', ')}` : c.dim('reads nothing'));
  if (v.dataCalls.length) parts.push(v.dataCalls.map((d) => c.yellow(d.callee)).join(', '));
  if (v.exits.length) parts.push(v.exits.map((e) => (/^[45]\d\d\b|next\(err\)|throw/.test(e) ? c.red(e) : c.green(e))).join(c.dim(' · ')));
  const flow = `${' '.repeat(width + 1)}${parts.join(c.dim('  → '))}`;
  const unresolved = v.unresolved.map((u) => `${' '.repeat(width + 1)}${c.red(`? ${u.reason}`)}: ${u.detail}`);
  const found = v.discovered ? [`${' '.repeat(width + 1)}${c.magenta(`(${v.discovered.text}, ${v.discovered.from})`)} ${c.dim(v.discovered.detail)}`] : [];
  return [head, flow, ...found, ...unresolved].join('\n') + '\n';
}

function unresolvedLines(model: AppModelJson, views: RouteView[], c: Colors): string {
  const lines: string[] = [];
  for (const v of views) {
    for (const u of v.unresolved) lines.push(`  ${v.registeredAt}  ${c.red(u.reason)}  ${v.method} ${v.path}: ${u.what === 'route' ? '' : `${u.what}: `}${u.detail}`);
  }
  for (const s of model.unresolved) {
    lines.push(`  ${s.loc.file}:${s.loc.line}  ${c.red(s.reason)}  ${s.method ? `${s.method.toUpperCase()} ` : ''}${s.detail}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
