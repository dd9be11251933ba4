import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFiles } from './support/helpers.js';

/**
 * A project with its own "prettier" (a small CommonJS package with prettier 2's shape: synchronous format) that
 * marks what it formats, and a plugin its config names by package name.
 */
function projectWithOwnPrettier(): string {
  const dir = tempDir('remodel-own-prettier-');
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0' }),
    '.prettierrc': JSON.stringify({ singleQuote: true, plugins: ['prettier-plugin-marker'] }),
    'src/a.js': 'var a = 1;\nmodule.exports = a;\n',
    'node_modules/prettier/package.json': JSON.stringify({ name: 'prettier', version: '2.99.0-own', main: 'index.js' }),
    'node_modules/prettier/index.js': `
const fs = require('fs');
const path = require('path');
exports.version = '2.99.0-own';
exports.resolveConfigFile = async (file) => {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.prettierrc'))) return path.join(dir, '.prettierrc');
    if (path.dirname(dir) === dir) return null;
  }
};
exports.resolveConfig = async (file) => JSON.parse(fs.readFileSync(await exports.resolveConfigFile(file), 'utf8'));
exports.getFileInfo = async () => ({ ignored: false, inferredParser: 'babel' });
exports.format = (text, options) =>
  '// formatted by the project prettier ' + exports.version + ' with ' + JSON.stringify(options.plugins) + '\\n' + text;
`,
    'node_modules/prettier-plugin-marker/package.json': JSON.stringify({
      name: 'prettier-plugin-marker',
      version: '1.0.0',
      main: 'index.js',
    }),
    'node_modules/prettier-plugin-marker/index.js': 'module.exports = {};\n',
  });
  return dir;
}

describe("--format auto uses the target project's prettier", () => {
  it("formats with the project's own prettier and its config's plugins, and says which version ran", () => {
    const dir = projectWithOwnPrettier();
    const res = runCli(['run', 'no-var', '.', '--allow-dirty', '--verbose', '--no-cache'], dir);
    expect(res.code, res.stderr).toBe(0);
    const out = fs.readFileSync(path.join(dir, 'src/a.js'), 'utf8');
    const plugin = fs.realpathSync(path.join(dir, 'node_modules/prettier-plugin-marker/index.js'));
    expect(out).toBe(
      `// formatted by the project prettier 2.99.0-own with ${JSON.stringify([plugin])}\nconst a = 1;\nmodule.exports = a;\n`,
    );
    expect(res.stderr).toMatch(/prettier 2\.99\.0-own \(the project's own, node_modules\/prettier\) for 1 changed file/);

    const json = runCli(['run', 'no-var', '.', '--json', '--no-cache'], projectWithOwnPrettier());
    const report = JSON.parse(json.stdout);
    expect(report.tools.prettier).toEqual([expect.objectContaining({ version: '2.99.0-own', source: 'project', files: 1 })]);
  });

  it("falls back to remodel's bundled prettier when the project has none", () => {
    const dir = tempDir('remodel-bundled-prettier-');
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0' }),
      '.prettierrc': JSON.stringify({ singleQuote: true }),
      'src/a.js': 'var a = "x";\nmodule.exports = a;\n',
    });
    const res = runCli(['run', 'no-var', '.', '--json', '--no-cache'], dir);
    expect(res.code, res.stderr).toBe(0);
    const bundled = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'node_modules/prettier/package.json'), 'utf8')).version;
    expect(JSON.parse(res.stdout).tools.prettier).toEqual([expect.objectContaining({ version: bundled, source: 'bundled', files: 1 })]);
    const dry = runCli(['run', 'no-var', '.', '--dry', '--no-cache'], dir);
    expect(dry.stdout).toContain("+const a = 'x';");
  });

  it('a project without a prettier config is not formatted and reports no prettier', () => {
    const dir = tempDir('remodel-no-prettier-');
    writeFiles(dir, { 'package.json': '{"name":"app"}', 'src/a.js': 'var a = "x";\n' });
    const res = runCli(['run', 'no-var', '.', '--json', '--no-cache'], dir);
    expect(JSON.parse(res.stdout).tools).toBeUndefined();
  });
});

describe('--verbose names the TypeScript verify used', () => {
  it("ts-morph's bundled TypeScript, with the project's own typescript version beside it", () => {
    const dir = tempDir('remodel-verify-ts-');
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2020' }, include: ['src'] }),
      'src/pricing.ts': 'export function discount(n: number): number {\n  return n * 0.9;\n}\n',
      'src/checkout.ts': "import { discount } from './pricing';\nexport const total = discount(10);\n",
      // Only its version is read: verify itself runs ts-morph's compiler.
      'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '5.0.0-project', main: 'index.js' }),
      'node_modules/typescript/index.js': 'module.exports = {};\n',
    });
    const args = ['run', 'move-symbol', '--symbol', 'discount', '--from', 'src/pricing.ts', '--to', 'src/discounts.ts', 'src', '--json'];
    const res = runCli([...args, '--verbose'], dir);
    expect(res.code, res.stderr).toBe(0);
    const tools = JSON.parse(res.stdout).tools;
    expect(tools.typescript.project).toBe('5.0.0-project');
    expect(tools.typescript.verify).toMatch(/^\d+\.\d+\.\d+/);
    expect(res.stderr).toContain(
      `verify type-checked before and after with TypeScript ${tools.typescript.verify} (bundled with ts-morph); the project builds with typescript 5.0.0-project`,
    );
    const quiet = runCli([...args, '--no-verify'], dir);
    expect(JSON.parse(quiet.stdout).tools).toBeUndefined();
  });
});
