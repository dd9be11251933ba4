import fs from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import yargs, { type Argv } from 'yargs';
import { kebab, transformFlags } from './cli-flags.js';
import { EXIT, defaultIO, type CliIO } from './cli-io.js';
import { ownFlagNames, sharedOptions, sharedRequest, transformPositionals } from './cli-options.js';
import { UsageError } from './errors.js';
import type { LoadedTransform, ParserChoice } from './types.js';
import type { RunRequest } from './run.js';
import { commandInit, commandPr, initOptions, prOptions } from './pr/command.js';
import { commandMap, mapOptions } from './map/command.js';

// Command modules are imported when a command runs, so `remodel --help` stays fast.
export { EXIT, type CliIO } from './cli-io.js';

/** Options only `remodel run` has: what happens to the change set. */
const RUN_OUTPUT_OPTIONS = {
  dry: { type: 'boolean', default: false, describe: 'write nothing; print a unified diff per changed file and a summary' },
  check: { type: 'boolean', default: false, describe: 'write nothing; exit 1 if any file would change (CI gate)' },
  patch: { type: 'string', describe: 'write nothing but one unified patch of all changes to this file (git apply / patch -p1)' },
  json: { type: 'boolean', default: false, describe: 'print a machine-readable JSON report on stdout instead of diffs' },
  'allow-dirty': { type: 'boolean', default: false, describe: 'apply even to files with uncommitted git changes' },
  interactive: {
    alias: 'i',
    type: 'boolean',
    default: false,
    describe: 'review each hunk on the terminal (accept, reject, rest of file, quit) and write only what was accepted',
  },
} as const;

/** Flags the runner owns; every other `--flag` goes to the transform. */
const RUN_FLAGS = ownFlagNames(RUN_OUTPUT_OPTIONS);

function runOptions(y: Argv) {
  return sharedOptions(transformPositionals(y).options(RUN_OUTPUT_OPTIONS).group(Object.keys(RUN_OUTPUT_OPTIONS), 'What to do with the change:'))
    .epilogue('Any other --flag is passed to the transform and checked against its declared options (see `remodel describe <transform>`).')
    .example('$0 run no-var src --dry', 'preview the change as a diff')
    .example('$0 run no-var src --check', 'exit 1 if anything would change')
    .example('$0 run ./my-transform.ts src --patch out.diff', 'write a patch for git apply')
    .example('$0 run template-literals . --json', 'JSON report')
    .example('$0 run modernize src --dry', 'run a recipe: its steps in order, one change set');
}

async function commandRun(argv: Record<string, any>, io: CliIO): Promise<number> {
  const [{ changedFiles, summarize }, { findGitRoot }, { executePlan, planRun }, { applyChangeSet }, { renderDiff }, { renderPatch }, report, { dirtyFiles }] =
    await Promise.all([
      import('./changeset.js'),
      import('./discover.js'),
      import('./run.js'),
      import('./sinks/apply.js'),
      import('./sinks/diff.js'),
      import('./sinks/patch.js'),
      import('./sinks/report.js'),
      import('./git.js'),
    ]);
  const { renderErrors, renderJsonReport, renderSummary } = report;
  // `--patch` with no file name (`--patch`, `--patch ""`, `--patch=`) is a mistake, never a reason to apply.
  const patchTarget = argv.patch === undefined ? undefined : checkPatchTarget(argv.patch, io.cwd);
  const dry = Boolean(argv.dry || argv.check || patchTarget || argv.json);
  const request: RunRequest = {
    cwd: io.cwd,
    transform: String(argv.transform),
    paths: (argv.paths as string[]).map(String),
    ...sharedRequest(argv),
    dry,
    options: transformFlags(argv, RUN_FLAGS),
  };
  if (argv.interactive) {
    if (dry) throw new UsageError('--interactive reviews what a run would write; it cannot be combined with --dry, --check, --patch or --json');
    if (!io.terminal?.input.isTTY || !io.terminal.output.isTTY) throw new UsageError('--interactive needs a terminal (stdin and stderr); nothing was written');
  }
  const { createProgress, noProgress } = await import('./progress.js');
  const progress = io.terminal ? await createProgress({ stream: io.terminal.output, json: Boolean(argv.json) }) : noProgress;
  request.progress = progress;
  // A run killed half way through a project change set: roll the tree back before reading it (--dry only says so).
  const { interruptedApplyPending, recoverInterruptedApply } = await import('./sinks/apply.js');
  if (!dry) await recoverInterruptedApply(io.cwd, { onWait: (m) => io.stderr(`remodel: ${m}\n`), onRecover: (m) => io.stderr(`remodel: ${m}\n`) });
  else if (interruptedApplyPending(io.cwd)) io.stderr('remodel: warning: a killed run left a change half applied in this tree; a run without --dry rolls it back first\n');
  const plan = await planRun(request);
  if (patchTarget) checkPatchNotInRun(patchTarget, argv.patch, plan.files);
  if (argv.verbose) io.stderr(`${plan.name}: ${plan.files.length} files${plan.recipe ? ` (recipe: ${plan.steps.map((st) => st.transform.meta.name).join(' → ')})` : ''}\n`);
  let changeSet: Awaited<ReturnType<typeof executePlan>>;
  try {
    changeSet = await executePlan(plan);
  } finally {
    progress.done();
  }
  let changed = changedFiles(changeSet);
  const summary = summarize(changeSet);
  const { describeTools, toolsUsed } = await import('./tools-used.js');
  const tools = await toolsUsed(plan, changeSet, { format: request.format ?? 'auto', verify: request.verify !== false });
  if (Object.keys(tools).length) changeSet.tools = tools;
  if (argv.verbose) io.stderr(describeTools(tools, io.cwd));

  for (const w of changeSet.warnings ?? []) io.stderr(`remodel: warning: ${w}\n`);
  io.stderr(renderErrors(changeSet, { color: io.colorErr, verbose: argv.verbose }));
  if (changeSet.refusal) {
    if (argv.json) io.stdout(report.renderJsonReport(changeSet));
    io.stderr(`remodel: ${changeSet.transform} made no change: ${changeSet.refusal}\n`);
    return EXIT.refused;
  }
  const introduced = changeSet.newDiagnostics ?? [];
  for (const d of introduced) io.stderr(`${d.path}${d.line ? `:${d.line}:${d.column}` : ''} error TS${d.code}: ${d.message}\n`);

  if (patchTarget && introduced.length) {
    // (a real run writes nothing when the change is blocked; the patch reproduces what a real run writes, so it is
    // not written either: `git apply` would bring the errors in. Adversarial round 18, F10)
    // (emptied rather than left as it was: an older patch there must not be taken for this run's)
    try {
      fs.writeFileSync(patchTarget, '');
    } catch (err) {
      throw new UsageError(`cannot write the patch to ${argv.patch}: ${(err as Error).message.split(',')[0]}`);
    }
    io.stderr(`remodel: wrote an empty patch to ${argv.patch}: the change introduces ${introduced.length} type error(s), so a real run writes nothing\n`);
  } else if (patchTarget) {
    const root = findGitRoot(io.cwd) ?? io.cwd;
    checkPatchNotInRun(patchTarget, argv.patch, changed.flatMap((f) => (f.renamedFrom ? [f.absPath, f.renamedFrom] : [f.absPath])));
    try {
      fs.writeFileSync(patchTarget, renderPatch(changeSet, root));
    } catch (err) {
      throw new UsageError(`cannot write the patch to ${argv.patch}: ${(err as Error).message.split(',')[0]}`);
    }
    io.stderr(`wrote patch of ${changed.length} file(s) to ${path.relative(io.cwd, patchTarget) || patchTarget} (apply at ${root})\n`);
  }
  if (argv.json) {
    io.stdout(renderJsonReport(changeSet));
  } else if (argv.dry && !argv.check) {
    io.stdout(renderDiff(changeSet, { color: io.colorOut }));
  }
  if (argv.check) {
    for (const f of changed) io.stderr(`${f.path}\n`);
  }
  if (!argv.json) io.stderr(renderSummary(changeSet, { color: io.colorErr, dry, verbose: argv.verbose }));

  if (introduced.length) {
    io.stderr(`remodel: the change introduces ${introduced.length} type error(s); nothing was written\n`);
    return EXIT.failures;
  }
  if (argv.interactive && changed.length) {
    const { reviewChangeSet, terminalAsk } = await import('./interactive.js');
    const reviewed = await reviewChangeSet(changeSet, {
      write: io.stderr,
      ask: terminalAsk(io.terminal!.input, io.terminal!.output),
      color: io.colorErr,
      parser: argv.parser as ParserChoice,
    });
    changeSet = reviewed.changeSet;
    changed = changedFiles(changeSet);
    io.stderr(`accepted ${reviewed.whole} file(s) whole and ${reviewed.partial} in part, rejected ${reviewed.rejected}${reviewed.quit ? ' (quit)' : ''}\n`);
  }
  if (!dry && !changed.length) io.stderr('wrote 0 file(s)\n');
  if (!dry && changed.length) {
    if (!argv.allowDirty) {
      const dirty = dirtyFiles(changed.flatMap((f) => (f.renamedFrom ? [f.absPath, f.renamedFrom] : [f.absPath])));
      if (dirty.length) {
        const list = dirty.map((f) => `  ${path.relative(io.cwd, f)}`).join('\n');
        throw new UsageError(
          `refusing to write ${dirty.length} file(s) with uncommitted changes (commit or stash them, or pass --allow-dirty):\n${list}`,
        );
      }
    }
    const applied = await applyChangeSet(changeSet, { onWait: (m) => io.stderr(`remodel: ${m}\n`), onRecover: (m) => io.stderr(`remodel: ${m}\n`) });
    for (const f of applied.failed) io.stderr(`${pc.createColors(io.colorErr).red(f.change.path)} ${f.message}\n`);
    for (const f of applied.restoreFailed ?? []) io.stderr(`${pc.createColors(io.colorErr).red(f.path)} could not be restored: ${f.message}\n`);
    if (applied.restored?.length) io.stderr(`restored ${applied.restored.length} file(s) written before the failure\n`);
    io.stderr(`wrote ${applied.written.length} file(s)\n`);
    if (applied.failed.length) return EXIT.failures;
  }
  if (summary.errors) return EXIT.failures;
  if (argv.check && changed.length) return EXIT.changesFound;
  return EXIT.ok;
}

/** The `--patch` file: a file name (not empty, not a folder) in a folder that exists. */
function checkPatchTarget(value: unknown, cwd: string): string {
  const name = String(value ?? '');
  if (!name.trim()) throw new UsageError('--patch needs a file name (e.g. --patch fix.diff); nothing was written');
  const target = path.resolve(cwd, name);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch {
    // a new file: fine
  }
  if (stat?.isDirectory() || /[\\/]$/.test(name)) throw new UsageError(`--patch ${name}: is a folder; name the patch file to write (e.g. ${path.join(name, 'remodel.diff')})`);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new UsageError(`--patch ${name}: folder ${path.relative(cwd, dir) || dir} does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--patch ${name}: ${path.relative(cwd, dir) || dir} is not a folder`);
  return target;
}

/** The patch must not overwrite a file the run reads or changes. */
function checkPatchNotInRun(target: string, name: unknown, files: string[]): void {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const t = real(target);
  if (files.some((f) => real(f) === t)) {
    throw new UsageError(`--patch ${String(name)}: is one of the files this run transforms; write the patch somewhere else`);
  }
}

async function listEntry(t: LoadedTransform) {
  const { describeOptions, optionsJsonSchema } = await import('./options.js');
  return {
    name: t.meta.name,
    description: t.meta.description,
    engine: t.meta.engine,
    options: describeOptions(t.meta),
    optionsSchema: optionsJsonSchema(t.meta),
  };
}

async function commandList(argv: Record<string, any>, io: CliIO): Promise<number> {
  const [{ loadBuiltins, loadTransform, localTransformPaths }, { allRecipes, loadConfig }] = await Promise.all([
    import('./registry.js'),
    import('./config.js'),
  ]);
  const config = await loadConfig(io.cwd);
  const transforms = await loadBuiltins();
  const local = await Promise.all(
    [...localTransformPaths(config.transformDirs)].map(async ([name, file]) => ({ name, file, t: await loadTransform({ kind: 'path', path: file }) })),
  );
  const recipes = allRecipes(config);
  if (argv.json) {
    const out = {
      transforms: await Promise.all(transforms.map(listEntry)),
      localTransforms: await Promise.all(local.map(async (l) => ({ ...(await listEntry(l.t)), name: l.name, file: path.relative(io.cwd, l.file) }))),
      recipes: recipes.map((r) => ({
        name: r.name,
        description: r.description,
        source: r.source === 'builtin' ? 'builtin' : path.relative(io.cwd, r.source),
        steps: r.steps,
      })),
      ...(config.file ? { config: path.relative(io.cwd, config.file) } : {}),
    };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }
  const c = pc.createColors(io.colorOut);
  const rows: Array<[string, string, string]> = [
    ...transforms.map((t): [string, string, string] => [t.meta.name, t.meta.engine, t.meta.description]),
    ...local.map((l): [string, string, string] => [l.name, `${l.t.meta.engine}, local`, l.t.meta.description]),
  ];
  const width = Math.max(...rows.map((r) => r[0].length), ...recipes.map((r) => r.name.length));
  io.stdout(`${c.bold('Transforms')}\n`);
  for (const [name, engine, description] of rows) io.stdout(`  ${c.bold(name.padEnd(width))}  ${c.dim(`[${engine}]`)}  ${description}\n`);
  io.stdout(`\n${c.bold('Recipes')}${config.file ? c.dim(` (config: ${path.relative(io.cwd, config.file)})`) : ''}\n`);
  for (const r of recipes) {
    const where = r.source === 'builtin' ? '' : c.dim(' [config]');
    io.stdout(`  ${c.bold(r.name.padEnd(width))}${where}  ${r.description}\n  ${' '.repeat(width)}  ${c.dim(r.steps.map((s) => s.transform).join(' → '))}\n`);
  }
  return EXIT.ok;
}

async function commandDescribe(argv: Record<string, any>, io: CliIO): Promise<number> {
  const [{ loadTransform, resolveTransformSpec }, { describeOptions }, { findFixtureExample, findProjectFixtureExample }] = await Promise.all([
    import('./registry.js'),
    import('./options.js'),
    import('./fixtures.js'),
  ]);
  const { findRecipe, loadConfig } = await import('./config.js');
  const config = await loadConfig(io.cwd);
  const c = pc.createColors(io.colorOut);
  const recipe = findRecipe(String(argv.transform), config);
  if (recipe) {
    let out = `${c.bold(recipe.name)} (recipe${recipe.source === 'builtin' ? '' : ` from ${path.relative(io.cwd, recipe.source)}`})\n\n${recipe.description}\n\n${c.bold('Steps')} (in order; each sees the previous step's output; one change set)\n`;
    for (const [i, step] of recipe.steps.entries()) {
      const t = await loadTransform(resolveTransformSpec(step.transform, io.cwd, config.transformDirs));
      const opts = Object.keys(step.options).length ? ` ${c.dim(JSON.stringify(step.options))}` : '';
      out += `  ${i + 1}. ${c.bold(t.meta.name)} [${t.meta.engine}]${opts}\n     ${t.meta.description}\n`;
    }
    out += `\nOptions given on the command line go to the steps that declare them (see \`remodel describe <step>\`).\n`;
    io.stdout(out);
    return EXIT.ok;
  }
  const spec = resolveTransformSpec(String(argv.transform), io.cwd, config.transformDirs);
  const t = await loadTransform(spec);
  let out = `${c.bold(t.meta.name)} (${t.meta.engine} engine)\n\n${t.meta.description}\n`;
  const docs = (await import('./transform-docs.js')).transformDocs(t, spec);
  if (docs) out += `\n${docs}\n`;
  const options = describeOptions(t.meta);
  out += `\n${c.bold('Options')}\n`;
  if (!options.length) out += '  (none)\n';
  for (const o of options) {
    const def = o.default !== undefined ? ` (default: ${JSON.stringify(o.default)})` : '';
    out += `  ${o.flag} <${o.type}>${def}\n      ${o.description ?? ''}\n`;
  }
  const reasons = Object.entries(t.meta.reasons ?? {});
  if (reasons.length) {
    out += `\n${c.bold('Reasons')} (why a spot is left alone or noted; grouped by key in summaries)\n`;
    for (const [key, text] of reasons) out += `  ${key}\n      ${text}\n`;
  }
  const example =
    spec.kind !== 'builtin' ? undefined : t.meta.engine === 'project' ? findProjectFixtureExample(t.meta.name) : findFixtureExample(t.meta.name);
  const examples = example ? [example] : (t.meta.examples ?? []);
  for (const ex of examples) {
    const opts = ex.options ? ` (${Object.entries(ex.options).map(([k, v]) => `--${kebab(k)} ${v}`).join(' ')})` : '';
    out += `\n${c.bold(`Example${ex.title ? `: ${ex.title}` : ''}`)}${opts}\n${c.dim('before:')}\n${indent(ex.before)}\n${c.dim('after:')}\n${indent(ex.after)}\n`;
  }
  io.stdout(out);
  return EXIT.ok;
}

function indent(text: string): string {
  return text.replace(/\n$/, '').split('\n').map((l) => `    ${l}`).join('\n');
}

/**
 * Boolean options the named transform declares (`--keep-reexport`), so that yargs does not take the next
 * positional path as their value. Found before parsing from `run|pr <transform>`; unknown transforms yield none
 * (the run itself reports them).
 */
async function transformBooleanFlags(args: string[], cwd: string): Promise<string[]> {
  const command = args.findIndex((a) => a === 'run' || a === 'pr');
  const name = command === -1 ? undefined : args.slice(command + 1).find((a) => !a.startsWith('-'));
  if (!name) return [];
  try {
    const [{ loadTransform, resolveTransformSpec }, { describeOptions }, { findRecipe, loadConfig }] = await Promise.all([
      import('./registry.js'),
      import('./options.js'),
      import('./config.js'),
    ]);
    const config = await loadConfig(cwd);
    const names = findRecipe(name, config)?.steps.map((s) => s.transform) ?? [name];
    const flags: string[] = [];
    for (const n of names) {
      const transform = await loadTransform(resolveTransformSpec(n, cwd, config.transformDirs));
      for (const o of describeOptions(transform.meta)) if (o.type === 'boolean') flags.push(o.flag.slice(2));
    }
    return flags;
  } catch {
    return [];
  }
}

export async function main(args: string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // `remodel run <transform>`: a worker starts now (bin/remodel.js has already started it, before loading this
  // module) and loads the file engine while this thread parses the command line, loads the config and plans; every
  // per-file transform runs on workers (see pool.ts), so that a transform that hangs on some file fails that file
  // with `timeout`. See cli-prestart.ts for when it is not started.
  if (args[0] === 'run') await (await import('./cli-prestart.js')).prestartForArgs(args, io.cwd);
  // `--keep-reexport src` must not read `src` as the flag's value: a declared boolean flag followed by anything but
  // true/false is given `=true`. `--flag=maybe` stays as written, so validation still rejects it.
  const booleans = new Set(await transformBooleanFlags(args, io.cwd));
  args = args.flatMap((a, i) => {
    const name = a.startsWith('--') ? a.slice(2) : '';
    if (!booleans.has(name)) return [a];
    const next = args[i + 1];
    return next === 'true' || next === 'false' ? [a] : [`${a}=true`];
  });
  const wrap = (fn: (argv: Record<string, any>, io: CliIO) => Promise<number>) => async (argv: Record<string, any>) => {
    exitCode = await fn(argv, io);
  };
  const parser = yargs(args)
    .scriptName('remodel')
    .parserConfiguration({ 'strip-dashed': true, 'populate--': false })
    .command('run <transform> [paths..]', 'run a transform over files (applies unless --dry/--check/--patch/--json)', runOptions, wrap(commandRun))
    .command('list', 'list transforms and recipes (built-in and from the config file)', (y) => y.option('json', { type: 'boolean', default: false, describe: 'machine-readable output with option schemas' }), wrap(commandList))
    .command('describe <transform>', "show a transform's docs, options and a before/after example, or a recipe's steps", (y) => y.positional('transform', { type: 'string' }), wrap(commandDescribe))
    .command('pr <transform> [paths..]', 'run a transform and keep one pull request up to date with the result (scheduled cleanup PRs)', prOptions, wrap(commandPr))
    .command('init', 'set up remodel in a repository (--workflow: a scheduled cleanup-PR GitHub Actions workflow)', initOptions, wrap(commandInit))
    .command('map [paths..]', "map the app's routes and data flow (terminal tree, --json, --mermaid, --html <file>); writes nothing to the project", mapOptions, wrap(commandMap))
    .demandCommand(1, 'name a command: run, list, describe, map, pr or init')
    .recommendCommands()
    .strictCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .epilogue('Exit codes: 0 done, 1 --check found changes, 2 usage or config error, 3 some files failed, 4 a transform refused its change (remodel pr: 4 foreign commits on its branch, 5 the remote failed).');
  // yargs renders a command's whole help text right after starting its handler, to have it ready for a later
  // showHelp(); remodel never calls that (its fail handler throws, and --help renders afresh), and the rendering is
  // a tenth of a one-file run's CPU. Skipped when this yargs has the hook; nothing printed changes.
  const usage = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } })
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
  try {
    let helpShown = false;
    await parser.parseAsync(args, {}, (err, _argv, output) => {
      if (output && !err) {
        io.stdout(output + '\n');
        helpShown = true;
      }
      if (err) throw err;
    });
    if (helpShown) return EXIT.ok;
    return exitCode;
  } catch (err) {
    if (err instanceof UsageError || (err as Error)?.name === 'YError') {
      io.stderr(`remodel: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
