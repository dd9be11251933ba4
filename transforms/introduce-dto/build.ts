import path from 'node:path';
import type { SourceKind } from './reads.js';
import { aliasText, interfaceText, summarize, typedefText, zodSchemaText } from './render.js';
import { applyEdits, type Edit } from './edits.js';
import type { Built, FileFacts, Plan } from './types.js';
import { indentUnit } from '../../src/text/lines.js';

function relativeSpecifier(fromFile: string, toFile: string, jsExt: boolean): string {
  let rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = './' + rel;
  return rel.replace(/\.ts$/, jsExt ? '.js' : '');
}

export function build(plans: Plan[], facts: Map<string, FileFacts>, originals: Map<string, string>, dtoOriginals: Map<string, string | undefined>, zodMode: boolean): Built {
  const edits = new Map<string, Edit[]>();
  const push = (file: string, e: Edit) => {
    const list = edits.get(file) ?? [];
    list.push(e);
    edits.set(file, list);
  };
  // Declarations per namespace (dto file for TS, the handler file for JS): name → { text, owners }.
  const decls = new Map<string, Map<string, { text: string; owners: number[] }>>();
  const dtoImports = new Map<string, Set<string>>();
  const requestImports = new Map<string, Set<string>>();
  for (const p of plans) {
    p.names.clear();
    p.summaries.clear();
    if (p.planLevel === 2) continue;
    const f = facts.get(p.filePath)!;
    const namespace = p.js ? p.filePath : f.dtoPath;
    const declared = decls.get(namespace) ?? new Map<string, { text: string; owners: number[] }>();
    decls.set(namespace, declared);
    const existing = p.js ? '' : dtoOriginals.get(f.dtoPath) ?? '';
    for (const s of p.sources) {
      const levels = new Map(p.levels.get(s.kind) ?? []);
      if (p.planLevel === 1) for (const name of s.info.children.keys()) levels.set(name, 2);
      const fields = summarize(s.info, s.kind, levels, p.js, zodMode && !p.js);
      p.summaries.set(s.kind, fields);
      const asAlias = p.style === 'express-request' && s.kind !== 'body';
      const render = (name: string) =>
        p.js ? typedefText(name, fields) : zodMode ? zodSchemaText(name, fields) : asAlias ? aliasText(name, fields) : interfaceText(name, fields);
      const candidates = [s.base, `${p.action}${s.base}`, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${s.base}${n}`)];
      for (const name of candidates) {
        const text = render(name);
        const prev = declared.get(name);
        const clashes = (f.identifiers.has(name) && !p.js) || new RegExp(`\\b${name}\\b`).test(existing) || (p.js && f.identifiers.has(name));
        if (clashes) continue;
        if (prev && prev.text !== text) continue;
        if (prev) prev.owners.push(p.id);
        else declared.set(name, { text, owners: [p.id] });
        p.names.set(s.kind, name);
        break;
      }
    }
    if (p.names.size !== p.sources.length) {
      p.planLevel = 2;
      p.dropReason = 'no free name for its DTOs';
      continue;
    }
    const P = p.names.get('params');
    const Q = p.names.get('query');
    const B = p.names.get('body');
    // The type the handler gets.
    let typeText = '';
    if (p.style === 'express-request') {
      const args = !Q && !B ? [P ?? '{}'] : !Q ? [P ?? '{}', 'unknown', B!] : [P ?? '{}', 'unknown', B ?? 'unknown', Q];
      typeText = `<${args.join(', ')}>`;
    } else if (p.style === 'fastify-request' || p.style === 'fastify-call') {
      const members = [B && `Body: ${B}`, P && `Params: ${P}`, Q && `Querystring: ${Q}`].filter(Boolean);
      typeText = `<{ ${members.join('; ')} }>`;
    } else {
      const request = [B && `body: ${B}`, Q && `query: ${Q}`].filter(Boolean);
      const members = [request.length ? `request: { ${request.join('; ')} }` : '', P && `params: ${P}`, Q && `query: ${Q}`].filter(Boolean);
      typeText = `<{}, { ${members.join('; ')} }>`;
    }
    const a = p.anchor;
    if (p.js) {
      const reqType = p.style === 'express-request' ? `import('express').Request${typeText}` : `import('fastify').FastifyRequest${typeText}`;
      const requestName = `${p.action}${p.entity}Request`;
      let rn = requestName;
      for (let n = 2; declared.has(rn) || f.identifiers.has(rn); n++) rn = `${requestName}${n}`;
      declared.set(rn, { text: `/** @typedef {${reqType}} ${rn} */`, owners: [p.id] });
      const reqName = p.reqName;
      if (a.kind === 'jsdoc') push(p.filePath, { start: a.pos, end: a.pos, text: `/** @param {${rn}} ${reqName} */${a.newline}`, owner: p.id });
      continue;
    }
    let ref = '';
    if (p.style === 'express-request' || p.style === 'fastify-request') {
      if (a.kind !== 'type-args') {
        const sf = facts.get(p.filePath)!;
        const r = p.style === 'express-request' ? (sf.requestImport ??= requestRefFromFacts(sf, 'express', 'Request')) : (sf.fastifyImport ??= requestRefFromFacts(sf, 'fastify', 'FastifyRequest'));
        ref = r.ref;
        if (r.line) {
          const set = requestImports.get(p.filePath) ?? new Set<string>();
          set.add(r.line);
          requestImports.set(p.filePath, set);
        }
      }
    }
    if (p.handlerTypeArgsPos !== undefined) push(p.filePath, { start: p.handlerTypeArgsPos, end: p.handlerTypeArgsPos, text: typeText, owner: p.id });
    if (a.kind === 'type-args') push(p.filePath, { start: a.pos, end: a.pos, text: typeText, owner: p.id });
    else if (a.kind === 'annotate') push(p.filePath, { start: a.pos, end: a.pos, text: `: ${ref}${typeText}`, owner: p.id });
    else if (a.kind === 'replace-type') push(p.filePath, { start: a.start, end: a.end, text: `${ref}${typeText}`, owner: p.id });
    else if (a.kind === 'wrap') push(p.filePath, { start: a.start, end: a.end, text: `(${a.name}: ${ref}${typeText})`, owner: p.id });
    const importSet = dtoImports.get(p.filePath) ?? new Set<string>();
    for (const n of p.names.values()) importSet.add(n);
    dtoImports.set(p.filePath, importSet);
    if (zodMode && p.zod) push(p.filePath, { start: p.zod.pos, end: p.zod.pos, text: validationText(p), owner: p.id });
  }

  // Imports (TS) and typedef blocks (JS).
  for (const [file, names] of dtoImports) {
    const f = facts.get(file)!;
    const spec = relativeSpecifier(file, f.dtoPath, f.jsExt);
    const lines = [...(requestImports.get(file) ?? [])];
    lines.push(`import ${zodMode ? '' : 'type '}{ ${[...names].sort().join(', ')} } from ${f.quote}${spec}${f.quote}${f.semi}`);
    const text = f.importAfter ? '\n' + lines.join('\n') : lines.join('\n') + '\n\n';
    push(file, { start: f.importPos, end: f.importPos, text, owner: -1 });
  }
  const dtoTexts = new Map<string, string>();
  const dtoBlocks: Built['dtoBlocks'] = new Map();
  for (const [namespace, declared] of decls) {
    if (!declared.size) continue;
    const f = facts.get(namespace);
    if (f?.js) {
      const blocks = [...declared.values()].map((d) => d.text);
      const lead = f.typedefPos > 0 ? '\n\n' : '';
      const trail = f.typedefPos > 0 ? '' : '\n\n';
      push(namespace, { start: f.typedefPos, end: f.typedefPos, text: lead + blocks.join('\n') + trail, owner: -1 });
      continue;
    }
    const original = dtoOriginals.get(namespace);
    let text = original ?? HEADER(zodMode);
    if (original !== undefined) text = text.replace(/\n*$/, '\n');
    // (indented as the module already is, else as the handlers' files that declare into it: tabs where they use tabs)
    const owner = plans.find((p) => !p.js && facts.get(p.filePath)?.dtoPath === namespace);
    const unit = (original !== undefined && /^[ \t]+(?!\*)\S/m.test(original) ? indentUnit(original) : undefined) ?? (owner ? facts.get(owner.filePath)?.unit : undefined) ?? '  ';
    const blocks: Array<{ start: number; end: number; owners: number[] }> = [];
    for (const d of declared.values()) {
      if (text.length && !text.endsWith('\n\n')) text += '\n';
      const start = text.length;
      text += unit === '  ' ? d.text : d.text.replace(/^((?: {2})+)/gm, (lead) => unit.repeat(lead.length / 2));
      blocks.push({ start, end: text.length, owners: d.owners });
    }
    dtoTexts.set(namespace, text);
    dtoBlocks.set(namespace, blocks);
  }
  const texts = new Map<string, string>();
  const maps = new Map<string, ReturnType<typeof applyEdits>>();
  for (const [file, list] of edits) {
    const original = originals.get(file)!;
    const applied = applyEdits(original, list);
    texts.set(file, applied.text);
    maps.set(file, applied);
  }
  return { texts, maps, dtoTexts, dtoBlocks, edits };
}

const HEADER = (zodMode: boolean) =>
  zodMode
    ? `import { z } from 'zod';\n\n// Request shapes inferred by remodel introduce-dto from how the handlers read them; each handler validates its\n// input against these schemas and answers 400 when it does not match.\n`
    : `// Request shapes inferred by remodel introduce-dto from how the handlers read them. They describe what the handlers\n// expect; nothing checks them at run time (JSON bodies and query strings can hold anything).\n`;

function requestRefFromFacts(f: FileFacts, moduleName: string, exportName: string): { ref: string; line?: string } {
  const pattern = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${moduleName}['"]`);
  const m = pattern.exec(f.text);
  if (m) {
    for (const part of m[2].split(',')) {
      const [orig, alias] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      if (orig === exportName) return { ref: alias ?? orig };
    }
  }
  if (moduleName === 'express') {
    const d = /import\s+(?:\*\s+as\s+)?([\w$]+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"]express['"]/.exec(f.text);
    if (d) return { ref: `${d[1]}.${exportName}` };
  }
  const ref = f.identifiers.has(exportName) ? (moduleName === 'express' ? 'ExpressRequest' : 'FastifyRequestOf') : exportName;
  const spec = ref === exportName ? exportName : `${exportName} as ${ref}`;
  return { ref, line: `import type { ${spec} } from ${f.quote}${moduleName}${f.quote}${f.semi}` };
}

function validationText(p: Plan): string {
  const z = p.zod!;
  const i = z.indent;
  const u = z.unit;
  const out: string[] = [];
  const sourceExpr = (kind: SourceKind) =>
    p.framework === 'koa' ? (kind === 'body' ? `${z.req}.request.body` : `${z.req}.${kind}`) : `${z.req}.${kind}`;
  for (const s of p.sources) {
    const schema = p.names.get(s.kind)!;
    const v = `${s.kind}Check`;
    const what = s.kind === 'body' ? 'request body' : s.kind === 'params' ? 'route parameters' : 'query string';
    const answer = `{ error: 'Invalid ${what}', issues: ${v}.error.issues }`;
    out.push(`${i}const ${v} = ${schema}.safeParse(${sourceExpr(s.kind)});`);
    if (p.framework === 'express') {
      out.push(`${i}if (!${v}.success) {`, `${i}${u}${z.res}.status(400).json(${answer});`, `${i}${u}return;`, `${i}}`);
    } else if (p.framework === 'fastify') {
      out.push(`${i}if (!${v}.success) {`, `${i}${u}return ${z.res}.code(400).send(${answer});`, `${i}}`);
    } else {
      out.push(`${i}if (!${v}.success) {`, `${i}${u}${z.req}.status = 400;`, `${i}${u}${z.req}.body = ${answer};`, `${i}${u}return;`, `${i}}`);
    }
  }
  return '\n' + out.join('\n');
}

export function write(project: import('ts-morph').Project, built: Built, originals: Map<string, string>, dtoOriginals: Map<string, string | undefined>): void {
  for (const [file, original] of originals) {
    const sf = project.getSourceFile(file);
    const text = built.texts.get(file) ?? original;
    if (sf && sf.getFullText() !== text) sf.replaceWithText(text);
  }
  for (const [file, original] of dtoOriginals) {
    const text = built.dtoTexts.get(file) ?? original;
    const sf = project.getSourceFile(file);
    if (text === undefined) {
      if (sf) project.removeSourceFile(sf);
    } else if (!sf) project.createSourceFile(file, text, { overwrite: true });
    else if (sf.getFullText() !== text) sf.replaceWithText(text);
  }
}
