// `remodel map [paths..]`: the data-flow map of an app's routes. Writes nothing to the project; `--html` writes the
// one file it is given. The model and renderers are imported when the command runs.
import fs from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { CliIO } from '../cli-io.js';
import { DEFAULT_EXTENSIONS } from '../defaults.js';
import { UsageError } from '../errors.js';

export function mapOptions(y: Argv) {
  return y
    .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'files, directories or globs (default: .)' })
    .option('json', { type: 'boolean', describe: 'print the app model as JSON (schemaVersion 1, see src/app-model/README.md) on stdout' })
    .option('mermaid', { type: 'boolean', describe: 'print a Mermaid flowchart (for a ```mermaid block in Markdown) on stdout' })
    .option('html', { type: 'string', describe: 'write one self-contained HTML page (route table, flow per route, handler size, transform dry runs) to this file' })
    .option('transforms', { type: 'boolean', default: true, describe: '--html: include dry runs of introduce-dto and extract-service (--no-transforms: leave them out)' })
    .option('extensions', { type: 'string', default: DEFAULT_EXTENSIONS.join(','), describe: 'comma-separated file extensions to walk' })
    .option('ignore', { type: 'string', array: true, default: [] as string[], describe: 'gitignore-style pattern to skip (repeatable)' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'timings of loading the project and building the model on stderr' })
    .conflicts('json', ['mermaid', 'html'])
    .conflicts('mermaid', 'html')
    .strict()
    .epilogue('Writes nothing to the project. Exit codes: 0 done, 2 usage error (bad path, --html target is a folder, in a missing folder or a mapped file).')
    .example('$0 map src', 'one tree per route on the terminal')
    .example('$0 map src --json > routes.json', 'the model as JSON')
    .example('$0 map src --mermaid', 'a Mermaid flowchart for a README')
    .example('$0 map src --html map.html', 'a self-contained page with a flow per route and what the transforms would do');
}

/** The `--html` file: a file name (not empty, not a folder) in a folder that exists. */
export function checkHtmlTarget(value: unknown, cwd: string): string {
  const name = String(value ?? '');
  if (!name.trim()) throw new UsageError('--html needs a file name (e.g. --html map.html); nothing was written');
  const target = path.resolve(cwd, name);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch {
    // a new file: fine
  }
  if (stat?.isDirectory() || /[\\/]$/.test(name)) throw new UsageError(`--html ${name}: is a folder; name the page to write (e.g. ${path.join(name, 'map.html')})`);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new UsageError(`--html ${name}: folder ${path.relative(cwd, dir) || dir} does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--html ${name}: ${path.relative(cwd, dir) || dir} is not a folder`);
  return target;
}

export async function commandMap(argv: Record<string, any>, io: CliIO): Promise<number> {
  const htmlTarget = argv.html === undefined ? undefined : checkHtmlTarget(argv.html, io.cwd);
  const { loadAppMap } = await import('./load.js');
  const paths = (argv.paths as string[]).map(String);
  const extensions = String(argv.extensions).split(',').map((e) => e.trim()).filter(Boolean);
  const ignore = (argv.ignore as string[]).map(String);
  const loaded = await loadAppMap({ cwd: io.cwd, paths, ignore, extensions });
  const { json } = loaded;
  // The page never replaces a source file it maps (`--html src/app.js` is a slip, not a wish).
  if (htmlTarget && loaded.files.some((f) => realPath(f) === realPath(htmlTarget))) {
    throw new UsageError(`--html ${argv.html}: is one of the files being mapped; write the page somewhere else`);
  }
  const { summarizeModel, summaryLine } = await import('./view.js');
  const summary = summaryLine(summarizeModel(json));
  // (a source folder named node_modules, as node-red's packages/node_modules, is taken for installed packages)
  const inPackages = loaded.files.filter((f) => /[\\/]node_modules[\\/]/.test(path.resolve(io.cwd, f))).length;
  if (inPackages) io.stderr(`remodel map: ${inPackages} of ${loaded.files.length} files lie under a node_modules folder, which the app model takes for installed packages: their routes are not mapped\n`);
  if (argv.verbose) {
    const t = loaded.timings;
    io.stderr(`remodel map: ${loaded.files.length} files; discover ${ms(t.discoverMs)}, load ${ms(t.loadMs)}, model ${ms(t.buildMs)}\n`);
  }
  if (argv.json) {
    io.stdout(JSON.stringify(json, null, 2) + '\n');
    io.stderr(`${summary}\n`);
    return 0;
  }
  if (argv.mermaid) {
    const { renderMermaid } = await import('./mermaid.js');
    io.stdout(renderMermaid(json));
    io.stderr(`${summary}\n`);
    return 0;
  }
  if (htmlTarget) {
    const [{ renderHtml }, { previewTransforms }] = await Promise.all([import('./html.js'), import('./dry-run.js')]);
    const started = performance.now();
    const previews = argv.transforms === false ? undefined : await previewTransforms({ cwd: io.cwd, paths, ignore, extensions, routes: json.routes });
    if (argv.verbose && previews) io.stderr(`remodel map: dry runs ${previews.map((p) => `${p.transform} ${ms(p.durationMs)}`).join(', ')} (${ms(performance.now() - started)})\n`);
    const title = paths.length === 1 ? paths[0] : paths.join(' ');
    const page = renderHtml(json, { title, ...(previews ? { previews } : {}) });
    try {
      fs.writeFileSync(htmlTarget, page);
    } catch (err) {
      throw new UsageError(`cannot write the page to ${argv.html}: ${(err as Error).message.split(',')[0]}`);
    }
    io.stderr(`wrote ${path.relative(io.cwd, htmlTarget) || htmlTarget}: ${summary}\n`);
    return 0;
  }
  const { renderTerminal } = await import('./terminal.js');
  io.stdout(renderTerminal(json, { color: io.colorOut }));
  return 0;
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;
