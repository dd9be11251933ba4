import path from 'node:path';
import { Node, type SourceFile, type Statement } from 'ts-morph';
import { toPosix } from '../../src/paths.js';
import type { Edit, Info, Site } from './types.js';
import { simpleDestructure } from './importers.js';
import { isDirective } from './syntax.js';
import { eolOf, indentAt } from '../../src/text/lines.js';

/**
 * `;` when most of the file's top-level statements that can end in one do, else '' (semicolon-free style such as
 * standard: new imports and exports follow the file).
 */
function semicolonStyle(sf: SourceFile, text: string): string {
  let withSemi = 0;
  let without = 0;
  for (const st of sf.getStatements()) {
    if (!Node.isExpressionStatement(st) && !Node.isVariableStatement(st) && !Node.isImportDeclaration(st) && !Node.isExportAssignment(st)) continue;
    if (st.getText().endsWith(';')) withSemi++;
    else without++;
  }
  if (!withSemi && !without) return /;[ \t]*\r?$/m.test(text) || !/\S/.test(text) ? ';' : '';
  return withSemi >= without ? ';' : '';
}

export function rewrite(info: Info, infos: Map<string, Info>): string {
  const sf = info.sf;
  const text = sf.getFullText();
  const edits: Edit[] = [];
  const taken = new Set(info.names);
  const fresh = (base: string, factory = false) => {
    let name = base.replace(/[^\w$]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[^A-Za-z_$]+/, '') || 'module';
    if (RESERVED.has(name)) name = `${name}Module`;
    // `var debug = require('debug')('app')` → `import createDebug from 'debug'`, not `debug2`.
    if (taken.has(name)) {
      const alt = factory ? `create${name[0].toUpperCase()}${name.slice(1)}` : `${name}Module`;
      if (!taken.has(alt)) name = alt;
    }
    let candidate = name;
    for (let i = 2; taken.has(candidate); i++) candidate = `${name}${i}`;
    taken.add(candidate);
    return candidate;
  };
  const eol = eolOf(text);
  const semi = semicolonStyle(sf, text);

  // Imports in place of the requires.
  const objectImports = new Map<string, string>();
  for (const site of info.sites) {
    // Bindings of the whole module are reused by destructuring requires of the same module.
    if (site.kind !== 'bind') continue;
    const t = site.target!;
    const dep = t.type === 'local' ? infos.get(t.file)! : undefined;
    const named = dep && (dep.shape.kind === 'object' || dep.shape.kind === 'props');
    const nsLike = t.type === 'esm' || (named && !dep!.needsObject);
    const key = `${nsLike ? '*' : 'default'}\0${specifierFor(info, site, infos)}`;
    if (!objectImports.has(key)) objectImports.set(key, site.name!.getText());
  }
  const requireStatements: Array<{ stmt: Statement; indent: string; lines: string[]; rest: string[] }> = [];
  for (const stmtSites of groupByStatement(info.sites)) {
    const stmt = stmtSites[0].stmt;
    const indent = indentAt(text, stmt.getStart());
    const lines: string[] = [];
    const rest: string[] = [];
    for (const site of stmtSites) {
      const t = site.target!;
      const spec = specifierFor(info, site, infos);
      const from = `${site.quote}${spec}${site.quote}`;
      const dep = t.type === 'local' ? infos.get(t.file)! : undefined;
      const named = dep && (dep.shape.kind === 'object' || dep.shape.kind === 'props') ? dep.shape.names : undefined;
      const nsLike = t.type === 'esm' || (named && !dep!.needsObject); // import * gives what require gave
      // One default (or namespace) import per module and file, reused by every require of it.
      const defaultName = (base: string, factory = false) => {
        const key = `${nsLike ? '*' : 'default'}\0${spec}`;
        const known = objectImports.get(key);
        if (known) return { name: known, line: false };
        const name = fresh(base, factory);
        objectImports.set(key, name);
        return { name, line: true };
      };
      if (site.kind === 'bare') {
        lines.push(`import ${from}${semi}`);
      } else if (site.kind === 'bind') {
        const name = site.name!.getText();
        if (nsLike) lines.push(`import * as ${name} from ${from}${semi}`);
        else lines.push(`import ${name} from ${from}${semi}`);
        if (!objectImports.has(`${nsLike ? '*' : 'default'}\0${spec}`)) objectImports.set(`${nsLike ? '*' : 'default'}\0${spec}`, name);
      } else if (site.kind === 'destructure') {
        const specifiers =
          t.type === 'builtin' || t.type === 'esm' ? simpleDestructure(site.pattern!) : named ? simpleDestructure(site.pattern!, named) : undefined;
        if (specifiers) {
          lines.push(`import { ${specifiers.join(', ')} } from ${from}${semi}`);
        } else {
          const { name: obj, line } = defaultName(baseName(site.spec));
          if (line) lines.push(nsLike ? `import * as ${obj} from ${from}${semi}` : `import ${obj} from ${from}${semi}`);
          rest.push(`${site.declKind} ${site.pattern!.getText()} = ${obj}${semi}`);
        }
      } else {
        const init = site.init!;
        const name = site.name!.getText();
        const member = Node.isPropertyAccessExpression(init) && init.getExpression() === site.call ? init.getName() : undefined;
        const namedOk = member !== undefined && (t.type === 'builtin' || t.type === 'esm' || (named?.has(member) && !dep!.needsObject));
        if (namedOk && member !== 'default') {
          lines.push(`import { ${member === name ? name : `${member} as ${name}`} } from ${from}${semi}`);
        } else if (namedOk && t.type === 'esm') {
          lines.push(`import ${name} from ${from}${semi}`);
        } else {
          const { name: obj, line } = defaultName(baseName(site.spec), Node.isCallExpression(init) && init.getExpression() === site.call);
          if (line) lines.push(nsLike ? `import * as ${obj} from ${from}${semi}` : `import ${obj} from ${from}${semi}`);
          const initText = text.slice(init.getStart(), site.call!.getStart()) + obj + text.slice(site.call!.getEnd(), init.getEnd());
          rest.push(`${site.declKind} ${name} = ${initText}${semi}`);
        }
      }
    }
    requireStatements.push({ stmt, indent, lines, rest });
  }
  // Within a run of consecutive require statements (only whitespace between them), every import comes first and the
  // statements left over (`var debug = createDebug('app')`) follow the last import, in their order: imports are
  // hoisted anyway, and no other statement sits between, so nothing runs in a different order.
  const topIndex = new Map(info.sf.getStatements().map((st, i) => [st as Node, i]));
  for (let i = 0; i < requireStatements.length; ) {
    let j = i;
    const next = (k: number) => requireStatements[k + 1];
    while (
      next(j) &&
      topIndex.has(requireStatements[j].stmt) &&
      topIndex.get(next(j).stmt) === topIndex.get(requireStatements[j].stmt)! + 1 &&
      !/\S/.test(text.slice(requireStatements[j].stmt.getEnd(), next(j).stmt.getStart())) &&
      next(j).indent === requireStatements[i].indent
    ) j++;
    const run = requireStatements.slice(i, j + 1);
    const moved = run.slice(0, -1).flatMap((g) => g.rest);
    run.forEach((g, k) => {
      const last = k === run.length - 1;
      const parts = last ? [...g.lines, ...moved, ...g.rest] : g.lines;
      if (!parts.length) {
        // Nothing left of this statement: remove it with the line break before it.
        edits.push({ start: run[k - 1]?.stmt.getEnd() ?? g.stmt.getStart(), end: g.stmt.getEnd(), text: '' });
      } else {
        edits.push({ start: g.stmt.getStart(), end: g.stmt.getEnd(), text: parts.join(eol + g.indent) });
      }
    });
    i = j + 1;
  }

  // Exports.
  const shape = info.shape;
  if (shape.kind === 'default' && shape.declared) {
    edits.push({ start: shape.declared.start, end: shape.prefixEnd, text: '' });
    let out = `${eol}export default ${shape.declared.name}${semi}`;
    if (info.needsInterop) out += `${eol}export { ${shape.declared.name} as 'module.exports' }${semi}`;
    edits.push({ start: shape.stmt.getEnd(), end: shape.stmt.getEnd(), text: out });
  } else if (shape.kind === 'default') {
    let expr = text.slice(shape.expr.getStart(), shape.stmt.getEnd());
    if ((Node.isFunctionExpression(shape.expr) || Node.isClassExpression(shape.expr)) && shape.expr.getName()) {
      const exprText = shape.expr.getText();
      expr = `(${exprText})${text.slice(shape.expr.getEnd(), shape.stmt.getEnd())}`;
    }
    let out = `export default ${expr}`;
    if (info.needsInterop && shape.ident) out += `${eol}export { ${shape.ident} as 'module.exports' }${semi}`;
    edits.push({ start: shape.stmt.getStart(), end: shape.stmt.getEnd(), text: out });
  } else if (shape.kind === 'object') {
    const list = [...shape.names].map(([k, v]) => (k === v ? k : `${v} as ${k}`)).join(', ');
    if (info.needsObject) {
      edits.push({ start: shape.stmt.getStart(), end: shape.prefixEnd, text: 'export default ' });
      edits.push({ start: shape.stmt.getEnd(), end: shape.stmt.getEnd(), text: `${eol}export { ${list} }${semi}` });
    } else {
      edits.push({ start: shape.stmt.getStart(), end: shape.stmt.getEnd(), text: `export { ${list} }${semi}` });
    }
  } else if (shape.kind === 'props') {
    for (const a of shape.assigns) {
      const end = a.stmt.getEnd();
      const hasSemi = a.stmt.getText().endsWith(';');
      if (a.local) {
        edits.push({ start: a.stmt.getStart(), end, text: `export { ${a.local === a.key ? a.key : `${a.local} as ${a.key}`} }${hasSemi ? ';' : semi}` });
      } else {
        edits.push({ start: a.stmt.getStart(), end: a.value.getStart(), text: `export const ${a.key} = ` });
      }
    }
    if (info.needsObject) {
      const list = [...shape.names].map(([k, v]) => (k === v ? k : `${k}: ${v}`)).join(', ');
      edits.push({ start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : eol}${eol}export default { ${list} }${semi}${eol}` });
    }
  }
  for (const r of info.exportReads) {
    const n = r.node;
    edits.push({ start: n.getStart(), end: n.getEnd(), text: r.text });
  }

  // The CommonJS globals that stay: one block after the leading imports.
  const imports: string[] = [];
  const consts: string[] = [];
  const importName = (name: string) => (taken.has(name) ? fresh(name) : (taken.add(name), name));
  const spec = (name: string, local: string) => (name === local ? name : `${name} as ${local}`);
  if (info.dirnameUses.length || info.filenameUses.length) {
    const fu = importName('fileURLToPath');
    imports.push(`import { ${spec('fileURLToPath', fu)} } from 'node:url'${semi}`);
    if (info.dirnameUses.length) {
      const dn = importName('dirname');
      imports.push(`import { ${spec('dirname', dn)} } from 'node:path'${semi}`);
      if (info.filenameUses.length) consts.push(`const __filename = ${fu}(import.meta.url)${semi}`, `const __dirname = ${dn}(__filename)${semi}`);
      else consts.push(`const __dirname = ${dn}(${fu}(import.meta.url))${semi}`);
    } else {
      consts.push(`const __filename = ${fu}(import.meta.url)${semi}`);
    }
  }
  if (info.needsRequire) {
    const cr = importName('createRequire');
    imports.push(`import { ${spec('createRequire', cr)} } from 'node:module'${semi}`);
    consts.push(`const require = ${cr}(import.meta.url)${semi}`);
  }
  const header = [...imports, ...consts];
  if (header.length) {
    const statements = sf.getStatements();
    const siteStmts = new Set(info.sites.map((s) => s.stmt));
    let i = 0;
    while (i < statements.length && (isDirective(statements[i]) || siteStmts.has(statements[i]))) i++;
    const lastLeading = i > 0 && siteStmts.has(statements[i - 1]) ? statements[i - 1] : undefined;
    if (lastLeading) {
      edits.push({ start: lastLeading.getEnd(), end: lastLeading.getEnd(), text: eol + header.join(eol) });
    } else if (i < statements.length) {
      const at = statements[i].getStart();
      edits.push({ start: at, end: at, text: header.join(eol) + eol + eol });
    } else {
      edits.push({ start: text.length, end: text.length, text: (text.endsWith('\n') || !text ? '' : eol) + header.join(eol) + eol });
    }
  }

  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function groupByStatement(sites: Site[]): Site[][] {
  const groups = new Map<Statement, Site[]>();
  for (const s of sites) groups.set(s.stmt, [...(groups.get(s.stmt) ?? []), s]);
  return [...groups.values()];
}

function specifierFor(info: Info, site: Site, infos: Map<string, Info>): string {
  const t = site.target!;
  if (t.type === 'builtin') return site.spec;
  if (t.type === 'esm') return t.spec;
  let file: string | undefined;
  if (t.type === 'local') file = infos.get(t.file)!.finalFile;
  else if (t.type === 'cjs') {
    if (!site.spec.startsWith('.') && !path.isAbsolute(site.spec)) return t.spec;
    file = infos.get(t.file)?.finalFile ?? t.file;
  }
  if (!file) return site.spec;
  let rel = toPosix(path.relative(path.dirname(info.finalFile), file));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function baseName(spec: string): string {
  const parts = spec.replace(/^node:/, '').split('/').filter((p) => p && p !== '.' && p !== '..');
  let last = parts.at(-1) ?? 'module';
  if (last === 'index' && parts.length > 1) last = parts.at(-2)!;
  return last.replace(/\.[cm]?js$/, '');
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
);


export function lineOf(sf: SourceFile, at: number | undefined): string {
  if (at === undefined || at <= 0) return '';
  return `:${sf.getLineAndColumnAtPos(at).line}`;
}
