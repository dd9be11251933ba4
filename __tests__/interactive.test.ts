import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeSet, FileChange } from '../src/changeset.js';
import { applyHunks, hunksOf, parseProblem, reviewChangeSet, type Answer } from '../src/interactive.js';
import { cliPath, git, initRepo, runCli, tempDir, writeFiles } from './support/helpers.js';

const BEFORE = 'function one() {\n  var a = 1;\n  return a;\n}\n\nfunction two() {\n  return 2;\n}\n\nfunction three() {\n  return 3;\n}\n\nfunction four() {\n  var b = 4;\n  return b;\n}\nmodule.exports = { one, four };\n';
const AFTER = BEFORE.replace('var a', 'const a').replace('var b', 'const b');

function change(before: string, after: string, file = '/tmp/x/a.js'): FileChange {
  return { absPath: file, path: path.basename(file), status: 'changed', before, after, mode: 0o100644 };
}

const changeSet = (files: FileChange[]): ChangeSet => ({ transform: 't', cwd: '/tmp/x', files, durationMs: 0, stats: {} });

/** Answers the questions in order and records them. */
function scripted(answers: Answer[]) {
  const asked: string[] = [];
  return {
    asked,
    ask: async (message: string) => {
      asked.push(message);
      const next = answers.shift();
      if (!next) throw new Error(`unexpected question: ${message}`);
      return next;
    },
  };
}

describe('hunks of a change', () => {
  it('splits a change into hunks that rebuild it exactly, or any subset of them', () => {
    const hunks = hunksOf(change(BEFORE, AFTER))!;
    expect(hunks).toHaveLength(2);
    expect(applyHunks(BEFORE, hunks)).toBe(AFTER);
    expect(applyHunks(BEFORE, [hunks[1]])).toBe(BEFORE.replace('var b', 'const b'));
    expect(applyHunks(BEFORE, [hunks[0]])).toBe(BEFORE.replace('var a', 'const a'));
  });

  it('keeps CRLF line endings in a partial file', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const hunks = hunksOf(change(crlf(BEFORE), crlf(AFTER)))!;
    expect(hunks).toHaveLength(2);
    expect(applyHunks(crlf(BEFORE), [hunks[0]])).toBe(crlf(BEFORE.replace('var a', 'const a')));
  });

  it('created, deleted and moved files are whole-file choices', () => {
    expect(hunksOf({ ...change('', AFTER), before: null, created: true })).toBeUndefined();
    expect(hunksOf({ ...change(BEFORE, ''), after: null, deleted: true })).toBeUndefined();
    expect(hunksOf({ ...change(BEFORE, AFTER), renamedFrom: '/tmp/x/old.js' })).toBeUndefined();
  });

  it('tells when a text does not parse', () => {
    expect(parseProblem('a.js', 'if (x) {\n')).toBeTruthy();
    expect(parseProblem('a.ts', 'const a: number = 1;\n')).toBeUndefined();
    expect(parseProblem('README.md', 'if (x) {')).toBeUndefined();
  });
});

describe('review of a change set', () => {
  it('accept one hunk, reject the other: the file gets only the accepted one', async () => {
    const { ask, asked } = scripted(['yes', 'no']);
    const result = await reviewChangeSet(changeSet([change(BEFORE, AFTER)]), { ask, write: () => {}, color: false });
    expect(asked).toEqual(['Apply this hunk?', 'Apply this hunk?']);
    expect(result.changeSet.files[0].after).toBe(BEFORE.replace('var a', 'const a'));
    expect(result).toMatchObject({ whole: 0, partial: 1, rejected: 0, quit: false });
  });

  it('"all" takes the rest of the file, "quit" leaves every later file unchanged', async () => {
    const { ask, asked } = scripted(['all', 'quit']);
    const files = [change(BEFORE, AFTER, '/tmp/x/a.js'), change(BEFORE, AFTER, '/tmp/x/b.js'), change(BEFORE, AFTER, '/tmp/x/c.js')];
    const result = await reviewChangeSet(changeSet(files), { ask, write: () => {}, color: false });
    expect(asked).toHaveLength(2);
    expect(result.changeSet.files.map((f) => f.status)).toEqual(['changed', 'unchanged', 'unchanged']);
    expect(result.changeSet.files[0].after).toBe(AFTER);
    expect(result.changeSet.files[1].after).toBeUndefined();
  });

  it('a partial file that would not parse is offered whole instead', async () => {
    const before = 'const a = 1;\n\n\n\n\n\n\n\nconst b = 2;\n';
    const after = 'if (ready) {\nconst a = 1;\n\n\n\n\n\n\n\nconst b = 2;\n}\n';
    expect(hunksOf(change(before, after))).toHaveLength(2);
    const shown: string[] = [];
    const { ask, asked } = scripted(['yes', 'no', 'no']);
    const result = await reviewChangeSet(changeSet([change(before, after)]), { ask, write: (s) => shown.push(s), color: false });
    expect(asked).toEqual(['Apply this hunk?', 'Apply this hunk?', 'Apply all of a.js?']);
    expect(shown.join('')).toContain('would not parse');
    expect(result.changeSet.files[0].status).toBe('unchanged');
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('remodel run -i in a real terminal (tmux)', () => {
  it('accepting one hunk and rejecting the other writes only the accepted one', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.js': BEFORE });
    initRepo(dir);
    const session = `remodel-i-${process.pid}-${Date.now()}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
    const env = `CI=false NO_COLOR=1 XDG_CACHE_HOME=${JSON.stringify(path.join(dir, '.cache'))}`;
    const command = `cd ${JSON.stringify(dir)} && env ${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} run no-var a.js -i --no-cache; echo "exit=$?" > ${JSON.stringify(path.join(dir, '.exit'))}; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', command);
    const screen = () => tmux('capture-pane', '-p', '-t', session, '-S', '-200');
    const waitFor = async (test: (s: string) => boolean, what: string) => {
      for (let i = 0; i < 300; i++) {
        const s = screen();
        if (test(s)) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}:\n${screen()}`);
    };
    try {
      const first = await waitFor((s) => s.includes('Apply this hunk?'), 'the first question');
      expect(first).toContain('hunk 1/2');
      expect(first).toContain('+  const a = 1;');
      tmux('send-keys', '-t', session, 'y', 'Enter');
      const second = await waitFor((s) => s.includes('hunk 2/2') && s.split('Apply this hunk?').length > 2, 'the second question');
      expect(second).toContain('+  const b = 4;');
      tmux('send-keys', '-t', session, 'n', 'Enter');
      await waitFor(() => fs.existsSync(path.join(dir, '.exit')), 'the run to end');
      expect(fs.readFileSync(path.join(dir, '.exit'), 'utf8').trim()).toBe('exit=0');
      expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(BEFORE.replace('var a', 'const a'));
      expect(screen()).toContain('wrote 1 file(s)');
      expect(git(dir, 'status', '--porcelain')).toContain('a.js');
    } finally {
      spawnSync('tmux', ['-L', session, 'kill-server']);
    }
  }, 60_000);
});

describe('remodel run -i outside a terminal', () => {
  it('refuses without a terminal, and with --dry; nothing is written', () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.js': BEFORE });
    initRepo(dir);
    const piped = runCli(['run', 'no-var', 'a.js', '-i'], dir);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--interactive needs a terminal');
    const dry = runCli(['run', 'no-var', 'a.js', '-i', '--dry'], dir);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain('cannot be combined with --dry');
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(BEFORE);
  });
});
