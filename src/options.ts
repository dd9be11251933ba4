import { z } from 'zod';
import type { LoadedTransform, TransformMeta } from './types.js';
import { UsageError } from './errors.js';
import { kebab } from './cli-flags.js';

export interface OptionInfo {
  name: string;
  flag: string;
  type: string;
  default?: unknown;
  description?: string;
  enum?: unknown[];
}

export { kebab } from './cli-flags.js';

/** Describes a transform's options from its zod schema (via JSON Schema), for `list`, `describe` and help. */
export function describeOptions(meta: TransformMeta): OptionInfo[] {
  if (!meta.options) return [];
  const json = z.toJSONSchema(meta.options, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, any>;
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    flag: `--${kebab(name)}`,
    type: typeName(prop),
    ...(prop.default !== undefined ? { default: prop.default } : {}),
    ...(prop.description ? { description: prop.description } : {}),
    ...(Array.isArray(prop.enum) ? { enum: prop.enum } : {}),
  }));
}

function typeName(prop: any): string {
  if (Array.isArray(prop.enum)) return prop.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  if (prop.type === 'array') return `${typeName(prop.items ?? {})}[]`;
  if (typeof prop.type === 'string') return prop.type === 'integer' ? 'number' : prop.type;
  if (Array.isArray(prop.anyOf)) return prop.anyOf.map(typeName).join(' | ');
  return 'unknown';
}

/** The JSON Schema of a transform's options (for `list --json`). */
export function optionsJsonSchema(meta: TransformMeta): unknown {
  return meta.options ? z.toJSONSchema(meta.options, { io: 'input', unrepresentable: 'any' }) : { type: 'object', properties: {} };
}

function coerce(value: unknown, prop: any): unknown {
  const type = prop?.type;
  if (type === 'array') {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
    return list.map((v) => coerce(v, prop.items ?? {}));
  }
  if ((type === 'number' || type === 'integer') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  if (type === 'boolean' && typeof value === 'string') {
    if (value === 'true') return true;
    if (value === 'false') return false;
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}

/**
 * Validates raw option values (from CLI flags or config) against the transform's schema.
 * Plain jscodeshift transforms declare nothing and receive every value unchanged, as with jscodeshift's runner.
 */
export function resolveOptions(transform: LoadedTransform, raw: Record<string, unknown>): Record<string, unknown> {
  const schema = transform.meta.options;
  if (transform.kind === 'jscodeshift' || !schema) {
    if (transform.kind === 'remodel' && Object.keys(raw).length > 0) {
      const [first] = Object.keys(raw);
      throw new UsageError(`transform ${transform.meta.name} takes no options, got --${kebab(first)}`);
    }
    return { ...raw };
  }
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, any> };
  const props = json.properties ?? {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(props, key)) {
      const known = Object.keys(props).map((k) => `--${kebab(k)}`).join(', ') || 'none';
      throw new UsageError(`unknown option --${kebab(key)} for transform ${transform.meta.name} (known: ${known})`);
    }
    input[key] = coerce(value, props[key]);
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    const prop = props[key];
    const expected = prop ? typeName(prop) : 'a valid value';
    if (input[key] === undefined) throw new UsageError(`transform ${transform.meta.name} needs --${kebab(key)} <${expected}>`);
    throw new UsageError(
      `invalid option --${kebab(key)} for transform ${transform.meta.name}: expected ${expected}, got ${JSON.stringify(raw[key])}`,
    );
  }
  return result.data as Record<string, unknown>;
}
