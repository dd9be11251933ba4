import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli, tempDir, writeFiles } from './support/helpers.js';
import { renderLine } from '../src/progress.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const ESC = '\u001b[';

/** Runs a shell command in a real pseudo-terminal (util-linux `script`) of 40×120 and returns what the terminal got. */
function inPty(command: string, cwd: string, env: Record<string, string> = {}): string {
  const merged: Record<string, string | undefined> = { ...process.env, TERM: 'xterm', CI: 'false', NO_COLOR: '1', ...env };
  delete merged.FORCE_COLOR;
  return execFileSync('script', ['-qc', `stty rows 40 cols 120; ${command}`, '/dev/null'], { cwd, env: merged, input: '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const plain = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '\n');

function jsFiles(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`src/f${i}.js`] = `function f${i}() {\n  var a = ${i};\n  return a;\n}\nmodule.exports = f${i};\n`;
  return files;
}

describe('progress line', () => {
  it('shows the step, the project phase, a bar and files done of total', () => {
    expect(renderLine('step 1/2 introduce-dto', 'load', 0, 0, 1234)).toBe('remodel: step 1/2 introduce-dto · loading the program · 1.2 s');
    expect(renderLine('no-var', undefined, 5, 10, 0)).toBe('remodel: no-var [##########----------] 5/10 files · 0.0 s');
  });
});

describe.skipIf(!hasScript)('progress on a terminal, and only there', () => {
  const node = JSON.stringify(process.execPath);
  const cli = JSON.stringify(cliPath);

  it('a per-file run on a terminal draws files done of total on stderr, then clears it', () => {
    const dir = tempDir();
    writeFiles(dir, jsFiles(30));
    const out = plain(inPty(`${node} ${cli} run no-var src --dry --no-cache > diff.txt`, dir));
    expect(out).toContain('remodel: no-var [--------------------] 0/30 files');
    expect(out).toMatch(/30 files scanned, 30 would change/);
    expect(fs.readFileSync(path.join(dir, 'diff.txt'), 'utf8')).not.toContain('remodel:'); // stdout never gets it
  });

  it('a recipe of project steps shows each step and the phases load, transform, verify', () => {
    const out = plain(inPty(`${node} ${cli} run layered examples/legacy-api-ts --dry --no-cache > /dev/null`, repoRoot));
    const order = ['step 1/2 introduce-dto · loading the program', 'step 1/2 introduce-dto · transforming', 'step 1/2 introduce-dto · type-checking the change', 'step 2/2 extract-service · transforming'];
    let at = -1;
    for (const line of order) {
      const next = out.indexOf(line, at + 1);
      expect(next, line).toBeGreaterThan(at);
      at = next;
    }
  }, 120_000);

  it('--json on a terminal: no progress, and stdout is the JSON report alone', () => {
    const dir = tempDir();
    writeFiles(dir, jsFiles(5));
    const out = inPty(`${node} ${cli} run no-var src --json --no-cache > report.json`, dir);
    expect(plain(out)).not.toContain('remodel: no-var');
    expect(out).not.toContain(ESC);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.changed).toBe(5);
  });

  it('in CI (CI=true) a terminal gets no progress', () => {
    const dir = tempDir();
    writeFiles(dir, jsFiles(5));
    const out = plain(inPty(`${node} ${cli} run no-var src --dry --no-cache > /dev/null`, dir, { CI: 'true' }));
    expect(out).not.toContain('remodel: no-var');
    expect(out).toMatch(/5 files scanned/);
  });
});

describe('progress when stderr is not a terminal', () => {
  it('piped: nothing but the summary', () => {
    const dir = tempDir();
    writeFiles(dir, jsFiles(5));
    const res = runCli(['run', 'no-var', 'src', '--dry', '--no-cache'], dir, { CI: 'false' });
    expect(res.code).toBe(0);
    expect(res.stderr).not.toContain('remodel: no-var');
    expect(res.stderr).not.toContain(ESC);
    expect(res.stderr).toMatch(/5 files scanned, 5 would change/);
  });
});
