import fs from 'node:fs';
import path from 'node:path';
import type { CliIO } from '../cli-io.js';
import { findRecipe, loadConfig } from '../config.js';
import { UsageError, resolveTransformSpec } from '../registry.js';
import { shellQuote } from './body.js';
import { toplevel } from './git-ops.js';

export const WORKFLOW_PATH = '.github/workflows/remodel-cleanup.yml';

export interface WorkflowOptions {
  recipe: string;
  cron: string;
}

/** Double-quoted YAML scalar. */
function yamlString(s: string): string {
  return JSON.stringify(s);
}

/**
 * The scheduled cleanup workflow. Permissions are the minimum `remodel pr` needs with the built-in
 * GITHUB_TOKEN: push its own branch (contents) and open/update/close the pull request (pull-requests).
 */
export function workflowYaml(options: WorkflowOptions): string {
  const command = ['npx', 'remodel', 'pr', options.recipe].map(shellQuote).join(' ');
  return `# Written by \`remodel init --workflow\`. Runs remodel every week (and on demand) and keeps one pull request
# (branch remodel/<transform>) up to date with the result; closes it once nothing is left to change.
# Needs remodel in devDependencies and the repository setting "Allow GitHub Actions to create and
# approve pull requests" (Settings > Actions > General > Workflow permissions).
name: remodel cleanup

on:
  schedule:
    - cron: ${yamlString(options.cron)}
  workflow_dispatch:

permissions:
  contents: write # push the remodel/* branch
  pull-requests: write # open, update and close the cleanup pull request

concurrency:
  group: remodel-cleanup
  cancel-in-progress: false

jobs:
  cleanup:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: ${command}
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
`;
}

export async function writeWorkflow(
  options: WorkflowOptions & { cwd: string; workflow: boolean; force: boolean },
  io: CliIO,
): Promise<number> {
  if (!options.workflow) throw new UsageError('nothing to set up: pass --workflow to write the scheduled cleanup workflow');
  if (!options.cron.trim().split(/\s+/).every(Boolean) || options.cron.trim().split(/\s+/).length !== 5) {
    throw new UsageError(`invalid --cron "${options.cron}": expected five fields, e.g. "17 4 * * 1"`);
  }
  // Unknown transform or recipe: a usage error now, not in next week's job.
  const config = await loadConfig(options.cwd);
  if (!findRecipe(options.recipe, config)) resolveTransformSpec(options.recipe, options.cwd, config.transformDirs);
  const root = (await toplevel(options.cwd)) ?? options.cwd;
  const file = path.join(root, WORKFLOW_PATH);
  if (fs.existsSync(file) && !options.force) {
    throw new UsageError(`${WORKFLOW_PATH} already exists (pass --force to overwrite it)`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, workflowYaml(options));
  const rel = path.relative(options.cwd, file) || file;
  io.stderr(
    `wrote ${rel}\n` +
      'Next: commit it, and allow GitHub Actions to create pull requests (Settings > Actions > General > Workflow permissions).\n' +
      'Run it now from the Actions tab (workflow_dispatch), or preview locally with `npx remodel pr ' +
      `${options.recipe} --dry\`.\n`,
  );
  return 0;
}
