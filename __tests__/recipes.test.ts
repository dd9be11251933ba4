import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, initRepo, runCli, snapshot, tempDir, writeFiles } from './support/helpers.js';

const JS = {
  'src/a.js': "var name = 'x';\nvar greeting = 'Hello ' + name + '!';\nfunction foo() {\n  return greeting;\n}\nmodule.exports = foo;\n",
  'src/b.js': "var label = 'n=' + count;\nvar count = 1;\nmodule.exports = label;\n",
  'src/clean.js': 'const x = 1;\nmodule.exports = x;\n',
};

// A plain jscodeshift transform, kept in the project's own codemods folder.
const RENAME_FOO = `module.exports = function (file, api) {
  const j = api.jscodeshift;
  return j(file.source).find(j.Identifier, { name: 'foo' }).replaceWith(() => j.identifier('bar')).toSource();
};
`;

function texts(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, buf] of snapshot(dir)) if (!file.startsWith('.git/')) out[file] = buf.toString('utf8');
  return out;
}

describe('recipes and config', () => {
  it('a config recipe runs its steps in order as one change set, equal to running them one after the other', () => {
    const config = { recipes: { cleanup: { description: 'vars and strings', steps: ['no-var', 'template-literals', 'rename-foo'] } }, transforms: ['./codemods'], ignore: ['codemods/**'] };
    const recipeDir = tempDir();
    writeFiles(recipeDir, { ...JS, 'codemods/rename-foo.cjs': RENAME_FOO, 'remodel.config.json': JSON.stringify(config) });
    initRepo(recipeDir);
    const stepsDir = tempDir();
    writeFiles(stepsDir, { ...JS, 'codemods/rename-foo.cjs': RENAME_FOO, 'remodel.config.json': JSON.stringify(config) });
    initRepo(stepsDir);

    const dry = runCli(['run', 'cleanup', '.', '--json'], recipeDir);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report.transform).toBe('cleanup');
    expect(report.summary).toMatchObject({ scanned: 3, changed: 2, unchanged: 1 });
    expect(report.steps).toEqual([expect.objectContaining({ transforms: ['no-var', 'template-literals', 'rename-foo'], engine: 'file', changed: 2 })]);
    // The step that left something alone is named in the report: b.js reads `count` before its declaration.
    const b = report.files.find((f: { path: string }) => f.path === 'src/b.js');
    expect(b.reports).toEqual(expect.arrayContaining([expect.objectContaining({ transform: 'no-var' })]));

    const patch = runCli(['run', 'cleanup', '.', '--patch', 'out.diff'], recipeDir);
    expect(patch.code).toBe(0);
    const run = runCli(['run', 'cleanup', '.'], recipeDir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('wrote 2 file(s)');

    for (const step of ['no-var', 'template-literals', 'rename-foo']) {
      const res = runCli(['run', step, 'src', '--allow-dirty'], stepsDir);
      expect(res.code, res.stderr).toBe(0);
    }
    const { ['out.diff']: _patch, ...recipeTexts } = texts(recipeDir);
    expect(recipeTexts).toEqual(texts(stepsDir));
    expect(recipeTexts['src/a.js']).toBe("const name = 'x';\nconst greeting = `Hello ${name}!`;\nfunction bar() {\n  return greeting;\n}\nmodule.exports = bar;\n");

    // The recipe's patch, applied to the untouched tree, gives the same bytes.
    git(stepsDir, 'checkout', '--', '.');
    git(stepsDir, 'apply', path.join(recipeDir, 'out.diff'));
    expect(texts(stepsDir)).toEqual(recipeTexts);
    // Idempotent: a second run of the recipe finds nothing.
    expect(runCli(['run', 'cleanup', '.', '--check'], recipeDir).code).toBe(0);
  });

  it('default options come from the config, command-line options go to the steps that declare them', () => {
    const source = "var msg = 'total: ' + items.map(function (i) {\n  return i.price;\n}).join(',');\nmodule.exports = msg;\n";
    const dir = tempDir();
    writeFiles(dir, {
      'a.js': source,
      'package.json': JSON.stringify({ name: 'x', remodel: { recipes: { strings: ['template-literals'] } } }),
    });
    // Multi-line operands are left alone by default…
    let res = runCli(['run', 'strings', 'a.js', '--dry', '--json'], dir);
    expect(JSON.parse(res.stdout).summary.changed).toBe(0);
    // …a flag reaches the step that declares it…
    res = runCli(['run', 'strings', 'a.js', '--json', '--multiline-operands'], dir);
    expect(JSON.parse(res.stdout).summary.changed).toBe(1);
    // …and so does a default from the config file.
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'x', remodel: { recipes: { strings: ['template-literals'] }, options: { 'template-literals': { multilineOperands: true } } } }),
    );
    res = runCli(['run', 'strings', 'a.js', '--json'], dir);
    expect(JSON.parse(res.stdout).summary.changed).toBe(1);
    // An option no step declares is a usage error naming the recipe.
    res = runCli(['run', 'strings', 'a.js', '--dry', '--keep-reexport'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('no step of recipe strings takes --keep-reexport');
  });

  it('a recipe mixing per-file and project steps: each step sees the previous output, created files included', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true }, include: ['src'] }),
      'src/users.ts':
        "export function greet(name: string): string {\n  var prefix = 'Hello ' + name;\n  return prefix + '!';\n}\nexport function shout(name: string): string {\n  return greet(name).toUpperCase();\n}\n",
      'src/main.ts': "import { greet } from './users';\nvar who = 'world';\nconsole.log(greet(who));\n",
      'remodel.config.ts': `export default {
  recipes: {
    tidy: {
      description: 'move greet out, modernize around it',
      steps: ['no-var', { transform: 'move-symbol', options: { symbol: 'greet', from: 'src/users.ts', to: 'src/greet.ts' } }, 'template-literals'],
    },
  },
};
`,
    });
    initRepo(dir);
    const res = runCli(['run', 'tidy', 'src', '--json'], dir);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report.steps.map((s: { transforms: string[] }) => s.transforms)).toEqual([['no-var'], ['move-symbol'], ['template-literals']]);
    expect(report.verification).toEqual({ newDiagnostics: [] });
    const applied = runCli(['run', 'tidy', 'src'], dir);
    expect(applied.code, applied.stderr).toBe(0);
    // The moved function carries no-var's change, and template-literals ran on the file move-symbol created.
    expect(fs.readFileSync(path.join(dir, 'src/greet.ts'), 'utf8')).toBe(
      "export function greet(name: string): string {\n  const prefix = `Hello ${name}`;\n  return `${prefix}!`;\n}\n",
    );
    expect(fs.readFileSync(path.join(dir, 'src/main.ts'), 'utf8')).toBe("import { greet } from './greet';\nconst who = 'world';\nconsole.log(greet(who));\n");
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all').split('\n').map((l) => l.trim()).filter(Boolean).sort()).toEqual(['?? src/greet.ts', 'M src/main.ts', 'M src/users.ts']);
  });

  it('a step that crashes on a file fails that file only, leaving it as it was', () => {
    const dir = tempDir();
    writeFiles(dir, {
      ...JS,
      'codemods/explode.cjs': "module.exports = (file) => { if (file.path.endsWith('a.js')) throw new Error('boom'); return file.source; };\n",
      'remodel.config.mjs': "export default { recipes: { risky: ['no-var', 'explode'] }, transforms: ['codemods'] };\n",
    });
    initRepo(dir);
    const res = runCli(['run', 'risky', 'src'], dir);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/src\/a\.js transform explode crashed: boom/);
    expect(fs.readFileSync(path.join(dir, 'src/a.js'), 'utf8')).toBe(JS['src/a.js']);
    expect(fs.readFileSync(path.join(dir, 'src/b.js'), 'utf8')).toBe("const label = 'n=' + count;\nvar count = 1;\nmodule.exports = label;\n");
  });

  it('list and describe show built-in and config recipes and local transforms; a bad config is a clear usage error', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'codemods/rename-foo.cjs': RENAME_FOO,
      'remodel.config.json': JSON.stringify({ recipes: { cleanup: ['no-var', 'rename-foo'] }, transforms: ['./codemods'] }),
    });
    const list = JSON.parse(runCli(['list', '--json'], dir).stdout);
    expect(list.config).toBe('remodel.config.json');
    expect(list.recipes.map((r: { name: string }) => r.name)).toEqual(['cleanup', 'modernize', 'layered']);
    expect(list.recipes[0]).toMatchObject({ source: 'remodel.config.json', steps: [{ transform: 'no-var', options: {} }, { transform: 'rename-foo', options: {} }] });
    expect(list.recipes[1].steps.map((s: { transform: string }) => s.transform)).toContain('promise-to-async');
    expect(list.localTransforms).toEqual([expect.objectContaining({ name: 'rename-foo', file: path.join('codemods', 'rename-foo.cjs') })]);
    const text = runCli(['list'], dir).stdout;
    expect(text).toContain('Recipes (config: remodel.config.json)');
    expect(text).toMatch(/cleanup +\[config\]/);
    const describe = runCli(['describe', 'cleanup'], dir);
    expect(describe.code).toBe(0);
    expect(describe.stdout).toContain('1. no-var [file]');
    expect(describe.stdout).toContain('2. rename-foo [file]');

    fs.writeFileSync(path.join(dir, 'remodel.config.json'), JSON.stringify({ recipes: { Bad_Name: [] }, colour: true }));
    const bad = runCli(['run', 'no-var', '.', '--dry'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`invalid remodel config in ${fs.realpathSync(dir)}${path.sep}remodel.config.json`);
    expect(bad.stderr).toContain('recipes.Bad_Name');
    // a config file that does not parse, or throws when it runs, is named too (round 18, F16)
    fs.writeFileSync(path.join(dir, 'remodel.config.json'), '{"recipes": {');
    const broken = runCli(['run', 'no-var', '.', '--dry'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('cannot load remodel config: remodel.config.json: ');
    fs.rmSync(path.join(dir, 'remodel.config.json'));
    fs.writeFileSync(path.join(dir, 'remodel.config.cjs'), "throw new Error('no settings here');\n");
    const throwing = runCli(['run', 'no-var', '.', '--dry'], dir);
    expect(throwing.code).toBe(2);
    expect(throwing.stderr).toContain('cannot load remodel config: remodel.config.cjs: no settings here');
  });
});
