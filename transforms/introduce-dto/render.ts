import type { FieldInfo, SourceKind } from './reads.js';

/** How far a field has been degraded after a type check: 0 inferred, 1 made required, 2 fallback `any`. */
export type FieldLevel = 0 | 1 | 2;

export interface FieldSummary {
  name: string;
  type: string;
  optional: boolean;
  concrete: boolean;
  fallback: boolean;
  /** Why a fallback field is `any`, written beside it. */
  note?: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
export const key = (name: string) => (IDENT.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

export const FALLBACK_NOTE = 'remodel: fallback, no use tells its type and `unknown` does not compile here';

function topKinds(info: FieldInfo, kind: SourceKind): string[] {
  const parts = typeParts(info, '  ');
  if (kind === 'params') return ['string'];
  if (kind === 'query') {
    const out = new Set<string>();
    for (const p of parts) {
      if (/^(number|boolean|bigint|-?\d+(\.\d+)?|true|false|unknown)$/.test(p)) out.add('string');
      else if (/^(number|boolean|unknown)\[\]$/.test(p)) out.add('string[]');
      else out.add(p);
    }
    if (!out.size) out.add('string');
    return [...out];
  }
  return parts;
}

/**
 * The type's members. `nulls` (a zod schema of a JSON body): a field whose checks also let `null` through (`??`, `||`,
 * `?.`, a truthiness test, `== null`) takes `null` too, since the schema answers 400 to whatever its type excludes.
 */
function typeParts(info: FieldInfo, indent: string, oneLine = false, nulls = false): string[] {
  const parts = new Set<string>();
  for (const h of info.hints) {
    if (h === 'object' || h === 'array' || h === 'unknown[]') continue;
    for (const p of h.split(' | ')) parts.add(p);
  }
  if (info.children.size && !info.isArray) parts.add(objectType(info.children, indent, oneLine, nulls));
  else if (info.hints.has('object') && !info.isArray) parts.add('Record<string, unknown>');
  const concreteArray = [...parts].some((p) => p.endsWith('[]'));
  if ((info.isArray || info.hints.has('unknown[]')) && !(concreteArray && !info.element?.children.size && !info.element?.hints.size)) {
    const el = info.element ? typeParts(info.element, indent, oneLine, nulls) : [];
    const elText = el.length ? el.join(' | ') : 'unknown';
    parts.add(el.length > 1 ? `(${elText})[]` : `${elText}[]`);
  }
  if (!parts.size && info.lengthUsed) parts.add('unknown');
  const out = [...parts].filter((p) => p !== 'unknown' || parts.size === 1);
  // (`unknown` and `any` take null already)
  if (nulls && info.optional && info.nullable && out.length && !out.some((p) => p === 'unknown' || p === 'any')) out.push('null');
  return out;
}

function objectType(children: Map<string, FieldInfo>, indent: string, oneLine: boolean, nulls: boolean): string {
  const inner = indent + '  ';
  const lines = [...children].map(([name, info]) => {
    const parts = typeParts(info, inner, oneLine, nulls);
    return `${key(name)}${info.optional ? '?' : ''}: ${parts.length ? parts.join(' | ') : 'unknown'}`;
  });
  if (oneLine) return `{ ${lines.join('; ')} }`;
  return `{\n${lines.map((l) => `${inner}${l};`).join('\n')}\n${indent}}`;
}

/** `zod`: the fields of a zod schema, whose body fields take `null` where the handler's checks let it through. */
export function summarize(info: FieldInfo, kind: SourceKind, levels: Map<string, FieldLevel>, oneLine = false, zod = false): FieldSummary[] {
  return [...info.children].map(([name, f]) => {
    const level = levels.get(name) ?? 0;
    const parts = kind === 'body' ? typeParts(f, '  ', oneLine, zod) : topKinds(f, kind);
    const type = parts.length ? parts.join(' | ') : 'unknown';
    const fallback = level === 2;
    // (a comment on one line: an object type is named, not written)
    const inferred = type.includes('\n') ? 'inferred type' : `inferred \`${type}\``;
    const note = !fallback ? undefined : /\bunknown\b/.test(type) ? FALLBACK_NOTE : `remodel: fallback, the ${inferred} does not compile here`;
    return {
      name,
      type: fallback ? 'any' : type,
      // (a schema takes a field whose type the handler tests as missing: it handles that itself)
      optional: level === 0 || level === 2 ? f.optional || (zod && !!f.typeTested) : false,
      concrete: !fallback && !/\bunknown\b/.test(type),
      fallback,
      note,
    };
  });
}

export function interfaceText(name: string, fields: FieldSummary[]): string {
  const lines = fields.map((f) => `  ${key(f.name)}${f.optional ? '?' : ''}: ${f.type};${f.note ? ` // ${f.note}` : ''}`);
  return `export interface ${name} {\n${lines.join('\n')}\n}\n`;
}

/**
 * The same shape as a type alias. Express params and query DTOs are written this way: an object type alias is
 * assignable to `ParamsDictionary` / `ParsedQs` (an interface is not, it has no implicit index signature), so the
 * typed handler still type-checks next to middleware declared with the plain `Request` (`router.get(path, auth,
 * handler)` infers one `P` / `ReqQuery` for all the handlers).
 */
export function aliasText(name: string, fields: FieldSummary[]): string {
  const lines = fields.map((f) => `  ${key(f.name)}${f.optional ? '?' : ''}: ${f.type};${f.note ? ` // ${f.note}` : ''}`);
  return `export type ${name} = {\n${lines.join('\n')}\n};\n`;
}

export function typedefText(name: string, fields: FieldSummary[]): string {
  const lines = fields.map((f) => {
    const n = f.optional ? `[${f.name}]` : f.name;
    return ` * @property {${f.fallback ? '*' : f.type}} ${n}${f.note ? ` ${f.note}` : ''}`;
  });
  return `/**\n * @typedef {object} ${name}\n${lines.join('\n')}\n */`;
}

// ---------- zod ----------

/** `optional`: the schema of a field that may be missing. */
function zodOfText(text: string, optional = false): string {
  let parts = splitTop(text, '|');
  if (parts.includes('null') && parts.length > 1) {
    parts = parts.filter((p) => p !== 'null');
    const schema = parts.length > 1 ? `z.union([${parts.map((p) => zodOfText(p)).join(', ')}])` : zodOfText(parts[0]);
    return `${schema}.${optional ? 'nullish' : 'nullable'}()`;
  }
  if (parts.length > 1) return `z.union([${parts.map((p) => zodOfText(p)).join(', ')}])${optional ? '.optional()' : ''}`;
  if (optional) return `${zodOfText(text)}.optional()`;
  const t = text.trim();
  if (t.endsWith('[]')) {
    const inner = t.slice(0, -2).replace(/^\((.*)\)$/s, '$1');
    return `z.array(${zodOfText(inner)})`;
  }
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'unknown' || t === 'any' || t === 'bigint') return `z.${t}()`;
  if (t === 'true' || t === 'false' || /^-?\d+(\.\d+)?$/.test(t) || /^'.*'$/.test(t)) return `z.literal(${t})`;
  if (t === 'Record<string, unknown>') return 'z.record(z.string(), z.unknown())';
  if (t.startsWith('{')) {
    const body = t.slice(1, -1).trim();
    const members = splitTop(body, ';').map((m) => m.trim()).filter(Boolean);
    const props = members.map((m) => {
      const idx = m.indexOf(':');
      let name = m.slice(0, idx).trim();
      const optional = name.endsWith('?');
      if (optional) name = name.slice(0, -1);
      return `${name}: ${zodOfText(m.slice(idx + 1), optional)}`;
    });
    return `z.object({ ${props.join(', ')} })`;
  }
  return 'z.unknown()';
}

/** Splits at a separator outside brackets and quotes. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
    else if (c === '}' || c === ')' || c === ']' || c === '>') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

export function zodSchemaText(name: string, fields: FieldSummary[]): string {
  const lines = fields.map(
    // (a field of no known type is no reason to refuse a request without it: zod 4 requires the key of z.any())
    (f) => `  ${key(f.name)}: ${zodOfText(f.type, f.optional || /^(any|unknown)$/.test(f.type))},${f.note ? ` // ${f.note}` : ''}`,
  );
  return `export const ${name} = z.object({\n${lines.join('\n')}\n});\nexport type ${name} = z.infer<typeof ${name}>;\n`;
}
