import pc from 'picocolors';
import { changedFiles, type ChangeSet } from '../changeset.js';
import { unifiedDiff } from './unified.js';
import { relativePosix } from '../paths.js';

export interface DiffRenderOptions {
  color: boolean;
  context?: number;
}

/** The `--dry` preview: one unified diff per changed file, paths relative to the working directory. */
export function renderDiff(changeSet: ChangeSet, options: DiffRenderOptions): string {
  const c = pc.createColors(options.color);
  let out = '';
  for (const change of changedFiles(changeSet)) {
    const from = change.renamedFrom ? relativePosix(changeSet.cwd, change.renamedFrom) : undefined;
    const { header, hunks } = unifiedDiff(change, change.path, options.context, from);
    for (const line of header) out += c.bold(line) + '\n';
    for (const line of hunks) {
      const text = line.replace(/\r$/, '');
      if (line.startsWith('@@')) out += c.cyan(text);
      else if (line.startsWith('+')) out += c.green(text);
      else if (line.startsWith('-')) out += c.red(text);
      else if (line.startsWith('\\')) out += c.dim(text);
      else out += text;
      out += '\n';
    }
  }
  return out;
}
