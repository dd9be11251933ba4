// Which of the target project's own tools a run used: prettier (the project's copy or remodel's) and the TypeScript
// that verified a project transform (ts-morph's bundled compiler; the project's own version is named beside it).
import path from 'node:path';
import { changedFiles, type ChangeSet } from './changeset.js';
import { prettiersFor, type FormatMode } from './engine/format.js';
import { projectTypeScript } from './engine/project-typescript.js';
import type { RunPlan } from './run.js';

export async function toolsUsed(
  plan: RunPlan,
  changeSet: ChangeSet,
  opts: { format: FormatMode; verify: boolean },
): Promise<NonNullable<ChangeSet['tools']>> {
  const tools: NonNullable<ChangeSet['tools']> = {};
  const prettier = prettiersFor(
    changedFiles(changeSet).map((f) => f.absPath),
    opts.format,
  );
  if (prettier.length) tools.prettier = prettier;
  if (opts.verify && plan.steps.some((s) => s.transform.meta.engine === 'project')) {
    const { ts } = await import('ts-morph');
    const project = projectTypeScript(plan.cwd);
    tools.typescript = { verify: ts.version, ...(project ? { project } : {}) };
  }
  return tools;
}

/** `--verbose` lines about the tools. */
export function describeTools(tools: NonNullable<ChangeSet['tools']>, cwd: string): string {
  let out = '';
  for (const p of tools.prettier ?? []) {
    out += `remodel: prettier ${p.version} (${p.source === 'project' ? `the project's own, ${shortPath(cwd, p.path)}` : 'bundled with remodel'}) for ${p.files} changed file(s)\n`;
  }
  const t = tools.typescript;
  if (t) {
    out +=
      `remodel: verify type-checked before and after with TypeScript ${t.verify} (bundled with ts-morph)` +
      (t.project === undefined
        ? '; the project has no typescript package\n'
        : t.project === t.verify
          ? `, the project's version\n`
          : `; the project builds with typescript ${t.project}, which may report other errors\n`);
  }
  return out;
}

/** `p` relative to `cwd` when it is inside it, else absolute. */
function shortPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
