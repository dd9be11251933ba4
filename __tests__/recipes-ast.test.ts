import { describe, expect, it } from 'vitest';
import type { File as BabelFile } from '@babel/types';
import { transformText } from '../src/engine/file-engine.js';
import type { FileTransformContext, PipelineTransform, RemodelFileTransform } from '../src/types.js';

// A recipe's per-file steps hand the AST on when a step leaves the text as it was (no second parse), but only
// between steps that promise not to change it; a step that changes the text makes the next one parse the new text.

const seen: Array<{ step: string; ast: BabelFile; source: string }> = [];

function step(name: string, rewrite?: (source: string) => string | undefined): RemodelFileTransform {
  return {
    kind: 'remodel',
    meta: { name, description: name, engine: 'file', version: '1' },
    transform(ctx: FileTransformContext) {
      seen.push({ step: name, ast: ctx.parse(), source: ctx.source });
      return rewrite?.(ctx.source);
    },
  };
}

function pipeline(steps: Array<{ transform: RemodelFileTransform; readOnlyAst?: boolean }>): PipelineTransform {
  return {
    kind: 'pipeline',
    meta: { name: 'r', description: 'r', engine: 'file', version: '1' },
    steps: steps.map((s) => ({ ...s, options: {} })),
  };
}

const opts = { cwd: '/tmp', parser: 'auto', format: 'none', transformOptions: {}, dry: true } as const;
const SOURCE = 'var a = 1;\nconsole.log(a);\n';

describe('per-file recipe steps share the AST', () => {
  it('a step that changes nothing hands its AST to the next; a change makes the next step parse the new text', async () => {
    seen.length = 0;
    const toLet = (s: string) => s.replace('var ', 'let ');
    const out = await transformText(
      pipeline([
        { transform: step('a'), readOnlyAst: true },
        { transform: step('b'), readOnlyAst: true },
        { transform: step('c', toLet), readOnlyAst: true },
        { transform: step('d'), readOnlyAst: true },
        { transform: step('e'), readOnlyAst: true },
      ]),
      '/tmp/x.js',
      'x.js',
      SOURCE,
      opts,
    );
    expect(out.status).toBe('changed');
    expect(out.after).toBe('let a = 1;\nconsole.log(a);\n');
    const [a, b, c, d, e] = seen;
    expect(b.ast).toBe(a.ast);
    expect(c.ast).toBe(a.ast);
    expect(d.source).toBe(out.after);
    expect(d.ast).not.toBe(a.ast);
    expect((d.ast.program.body[0] as { kind?: string }).kind).toBe('let');
    expect(e.ast).toBe(d.ast);
  });

  it('steps that do not promise a read-only AST (transforms from outside) always get one of their own', async () => {
    seen.length = 0;
    await transformText(
      pipeline([{ transform: step('a'), readOnlyAst: true }, { transform: step('local') }, { transform: step('b'), readOnlyAst: true }]),
      '/tmp/x.js',
      'x.js',
      SOURCE,
      opts,
    );
    const [a, local, b] = seen;
    expect(local.ast).not.toBe(a.ast);
    expect(b.ast).toBe(a.ast);
  });
});
