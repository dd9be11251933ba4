/**
 * `remodel map --mermaid`: a Mermaid flowchart (as GitHub renders it in Markdown) of every route: what the
 * request carries in, the chain of functions, the data calls each makes and the ways each answers or fails.
 *
 * Node ids are generated (`r3_c1`), never taken from the code. Every label is user data (paths, callees, body
 * shapes) and goes into a double-quoted string with Mermaid's entity codes for the characters that would end the
 * string or be read as markup, so any route path yields a valid chart.
 */
import type { AppModelJson, ChainFunctionJson, RouteJson } from '../app-model/index.js';
import { at, discoveredView, errorLabel, readLabel, responseLabel, summarizeModel, summaryLine } from './view.js';

/** Text for inside `"..."` in a Mermaid label: no quote, markup, entity, markdown or line break survives as such. */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[#"<>&`]/g, (ch) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;' })[ch]!);
}

/** A quoted label from lines (joined with Mermaid's line break). */
function label(...lines: string[]): string {
  return `"${lines.filter((l) => l !== '').map(mermaidText).join('<br/>')}"`;
}

const MAX_LIST = 6;

function list(items: string[]): string[] {
  return items.length > MAX_LIST ? [...items.slice(0, MAX_LIST - 1), `… ${items.length - MAX_LIST + 1} more`] : items;
}

function uniq(items: string[]): string[] {
  return [...new Set(items)];
}

function fnLabel(fn: ChainFunctionJson): string {
  if (fn.unresolved) return label(fn.label, `? ${fn.unresolved.reason}`);
  return label(fn.label, fn.loc ? at(fn.loc) : '');
}

function routeBlock(route: RouteJson, i: number): string[] {
  const id = `r${i}`;
  const lines: string[] = [];
  const edges: string[] = [];
  const classes: Array<[string, string]> = [];
  const title = `${route.method.toUpperCase()} ${route.path}`;
  lines.push(`  subgraph ${id} [${route.discovered ? label(title, `(${discoveredView(route.discovered).text})`) : label(title)}]`);
  lines.push('    direction LR');
  const reads = uniq(route.chain.flatMap((fn) => fn.reads.map(readLabel)));
  lines.push(`    ${id}_in[/${label('request', ...list(reads))}/]`);
  let previous = `${id}_in`;
  if (route.unresolved && !route.chain.length) {
    lines.push(`    ${id}_u[${label(`? ${route.unresolved.reason}`, route.unresolved.detail)}]`);
    edges.push(`  ${previous} --> ${id}_u`);
    classes.push([`${id}_u`, 'unresolved']);
  }
  route.chain.forEach((fn, j) => {
    const node = `${id}_c${j}`;
    lines.push(`    ${node}[${fnLabel(fn)}]`);
    edges.push(`  ${previous} --> ${node}`);
    previous = node;
    classes.push([node, fn.unresolved ? 'unresolved' : fn.role === 'handler' ? 'handler' : 'middleware']);
    uniq(fn.dataCalls.map((d) => d.callee)).forEach((callee, k) => {
      lines.push(`    ${node}_d${k}[(${label(callee)})]`);
      edges.push(`  ${node} -.-> ${node}_d${k}`);
      classes.push([`${node}_d${k}`, 'data']);
    });
    uniq([...fn.responses.map(responseLabel), ...fn.errorExits.map(errorLabel)]).forEach((exit, k) => {
      lines.push(`    ${node}_x${k}([${label(exit)}])`);
      edges.push(`  ${node} --> ${node}_x${k}`);
      classes.push([`${node}_x${k}`, /next\(err\)|throw|^[45]\d\d\b/.test(exit) ? 'failure' : 'response']);
    });
  });
  lines.push('  end');
  const byClass = new Map<string, string[]>();
  for (const [node, cls] of classes) byClass.set(cls, [...(byClass.get(cls) ?? []), node]);
  return [...lines, ...edges, ...[...byClass].map(([cls, nodes]) => `  class ${nodes.join(',')} ${cls}`)];
}

export function renderMermaid(model: AppModelJson): string {
  const out = ['flowchart LR', `  %% remodel map: ${mermaidText(summaryLine(summarizeModel(model)))}`];
  model.routes.forEach((route, i) => out.push(...routeBlock(route, i)));
  out.push(
    '  classDef middleware fill:#f4f4f8,stroke:#8888aa',
    '  classDef handler fill:#e8f0ff,stroke:#3366cc,stroke-width:2px',
    '  classDef data fill:#fff6e0,stroke:#cc9933',
    '  classDef response fill:#e9f7ec,stroke:#339955',
    '  classDef failure fill:#fdecec,stroke:#cc4444',
    '  classDef unresolved fill:#fdecec,stroke:#cc4444,stroke-dasharray:4 3',
  );
  return out.join('\n') + '\n';
}
