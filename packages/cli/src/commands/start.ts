import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AppProcess } from '../app-process';
import { DevSupervisor } from '../dev-supervisor';
import { CliError } from '../errors';
import { colors, output } from '../output';
import { requireProject, type Project } from '../project';
import { watchSources } from '../source-watcher';
import { compiledPath } from '../typescript-project';
import { loadSwc } from '../typescript-loader';
import { buildProject } from './build';

export interface StartOptions {
  watch?: boolean;
}

const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

function entrySource(project: Project): string {
  const entry = resolve(project.root, project.config.sourceRoot, `${project.config.entryFile}.ts`);
  if (!existsSync(entry)) {
    throw new CliError(`The entry file ${relative(project.root, entry)} does not exist.`, 'create it, or set "entryFile" (and "sourceRoot") in armature.json.');
  }
  return entry;
}

/** Build with tsc, then run the compiled entry; signals are passed on and the app's exit code becomes ours. */
async function startOnce(project: Project): Promise<void> {
  const source = entrySource(project);
  const setup = await buildProject(project);
  const entry = compiledPath(project, setup, source);
  if (!existsSync(entry)) throw new CliError(`The build did not produce ${relative(project.root, entry)}.`, 'check "outDir" and "rootDir" in your tsconfig.');
  const app = new AppProcess(['--enable-source-maps', entry], { cwd: project.root });
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => void app.stop(signal));
  process.exitCode = await app.exited;
}

/**
 * Runs the entry from the TypeScript sources through swc (no type-check, no build) and restarts it
 * within a second of a change under the source root.
 */
async function startWatching(project: Project): Promise<void> {
  const entry = entrySource(project);
  loadSwc(project.root);
  const supervisor = new DevSupervisor(project, entry);
  const watcher = watchSources(resolve(project.root, project.config.sourceRoot), (file) => void supervisor.restart(file));
  output.info(colors.dim(`[armature] watching ${project.config.sourceRoot}/ for changes`));

  await new Promise<void>((resolvePromise) => {
    for (const signal of SHUTDOWN_SIGNALS) {
      process.once(signal, () => {
        watcher.close();
        void supervisor.close(signal).then(resolvePromise);
      });
    }
  });
}

export async function runStart(options: StartOptions, cwd = process.cwd()): Promise<void> {
  const project = requireProject(cwd, 'start');
  await (options.watch === true ? startWatching(project) : startOnce(project));
}
