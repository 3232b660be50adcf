import { CliError } from './errors';
import { runCaptured, tail } from './child-process';
import { Spinner } from './spinner';

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** The package manager that launched us (`pnpm dlx`, `yarn dlx`, `npx`), else npm. */
export function detectPackageManager(env: NodeJS.ProcessEnv = process.env): PackageManager {
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm/')) return 'pnpm';
  if (agent.startsWith('yarn/')) return 'yarn';
  return 'npm';
}

/** How to run a package.json script with this package manager (`npm run`, `pnpm`, `yarn`). */
export function runScriptPrefix(manager: PackageManager): string {
  return manager === 'npm' ? 'npm run' : manager;
}

export function installCommandLine(manager: PackageManager): string {
  return `${manager} install`;
}

function installArgs(manager: PackageManager): string[] {
  // npm's audit and funding requests add seconds to every install and print nothing a new project needs.
  return manager === 'npm' ? ['install', '--no-audit', '--no-fund'] : ['install'];
}

/** The manager's version; fails before anything is written when it is not installed. */
export async function ensureAvailable(manager: PackageManager): Promise<string> {
  try {
    const run = await runCaptured(manager, ['--version']);
    if (run.code === 0) return run.stdout.trim();
  } catch {
    // ENOENT: reported below.
  }
  throw new CliError(
    `${manager} is not installed (or not on the PATH), so the new project's dependencies could not be installed with it.`,
    manager === 'npm' ? 'install Node.js with npm, or pass --skip-install.' : `enable it with \`corepack enable ${manager}\`, use --package-manager npm, or pass --skip-install.`,
  );
}

/** Installs a project's dependencies behind a spinner; the manager's output is shown only on failure. */
export async function installDependencies(manager: PackageManager, cwd: string, projectLabel: string): Promise<void> {
  const spinner = new Spinner(`Installing dependencies with ${manager}`).start();
  const run = await runCaptured(manager, installArgs(manager), { cwd, env: process.env });
  if (run.code === 0) {
    spinner.succeed(`Installed dependencies with ${manager}`);
    return;
  }
  spinner.fail(`Installing dependencies with ${manager} failed`);
  throw new CliError(
    `\`${installCommandLine(manager)}\` exited with ${run.code ?? run.signal}. The project is complete; only its dependencies are missing.\n${tail(run.output)}`,
    `fix the problem above, then run \`cd ${projectLabel} && ${installCommandLine(manager)}\`.`,
  );
}
