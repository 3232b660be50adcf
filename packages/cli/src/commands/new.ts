import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { reportChanges } from '../change-report';
import { CliError } from '../errors';
import { ChangeSet } from '../file-changes';
import { locateLocalPackages, packLocalPackages } from '../link-packages';
import { toPackageName } from '../names';
import { colors, output } from '../output';
import { cliPackage } from '../package-info';
import { detectPackageManager, ensureAvailable, installCommandLine, installDependencies, runScriptPrefix, type PackageManager } from '../package-manager';
import type { PackageJson } from '../project';
import { renderTemplate, type RenderedFile } from '../templates';

export interface NewOptions {
  packageManager?: PackageManager;
  skipInstall?: boolean;
  micro?: boolean;
  strict?: boolean;
  link?: string;
  directory?: string;
}

/** Where `--link` puts the packed Armature packages inside the new project. */
const LINKED_PACKAGES_DIR = 'armature-packages';

// The micro template has no controllers, e2e tests or root module: these belong to the decorator template only.
const DECORATOR_ONLY_SCRIPTS = ['routes', 'test:e2e'];
const DECORATOR_ONLY_DEV_DEPENDENCIES = ['@armature/testing', 'supertest', '@types/supertest'];

function assertEmptyTarget(target: string, label: string): void {
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError(`The folder ${label} already exists and is not empty.`, 'choose another name (or --directory), or remove that folder first.');
  }
}

function strictCompilerOptions(tsconfig: string): string {
  const parsed = JSON.parse(tsconfig) as { compilerOptions: Record<string, unknown> };
  // NestJS's default project relaxes these three; --strict replaces them with TypeScript's full strict mode.
  for (const loose of ['strictNullChecks', 'noImplicitAny', 'strictBindCallApply']) delete parsed.compilerOptions[loose];
  parsed.compilerOptions.strict = true;
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

function adjustPackageJson(text: string, micro: boolean, tarballs: ReadonlyMap<string, string>): string {
  const pkg = JSON.parse(text) as PackageJson & { scripts: Record<string, string> };
  if (micro) {
    for (const script of DECORATOR_ONLY_SCRIPTS) delete pkg.scripts[script];
    for (const dependency of DECORATOR_ONLY_DEV_DEPENDENCIES) delete pkg.devDependencies?.[dependency];
  }
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const name of Object.keys(deps ?? {})) {
      const tarball = tarballs.get(name);
      if (tarball !== undefined) deps![name] = `file:${LINKED_PACKAGES_DIR}/${tarball}`;
    }
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The `@armature/*` packages the project will depend on: what `--link` packs. */
function armatureDependencies(packageJsonText: string, micro: boolean): string[] {
  const pkg = JSON.parse(packageJsonText) as PackageJson;
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter(
    (name) => name.startsWith('@armature/') && !(micro && DECORATOR_ONLY_DEV_DEPENDENCIES.includes(name)),
  );
}

function renderProject(packageName: string, manager: PackageManager, options: NewOptions): RenderedFile[] {
  const variables = {
    name: packageName,
    armatureVersion: cliPackage().version,
    install: installCommandLine(manager),
    run: runScriptPrefix(manager),
  };
  const files = [...renderTemplate('application/common', variables), ...renderTemplate(options.micro ? 'application/micro' : 'application/default', variables)];
  if (manager === 'yarn') {
    // Yarn's Plug'n'Play cannot load uWebSockets.js's native binary from a zip: use a node_modules folder.
    files.push({ path: '.yarnrc.yml', content: 'nodeLinker: node-modules\n' });
  }
  return files.map((file) => (file.path === 'tsconfig.json' && options.strict ? { ...file, content: strictCompilerOptions(file.content) } : file));
}

export async function runNew(name: string, options: NewOptions, cwd = process.cwd()): Promise<void> {
  const packageName = toPackageName(name);
  const target = resolve(cwd, options.directory ?? packageName.replace(/^@[^/]+\//, ''));
  const label = relative(cwd, target) || '.';
  assertEmptyTarget(target, label);

  const manager = options.packageManager ?? detectPackageManager();
  // Everything that can fail is checked before the first file is written.
  if (options.skipInstall !== true) await ensureAvailable(manager);
  const files = renderProject(packageName, manager, options);
  const packageJson = files.find((file) => file.path === 'package.json')!;

  let tarballs = new Map<string, string>();
  const packDir = options.link === undefined ? undefined : mkdtempSync(join(tmpdir(), 'armature-link-'));
  try {
    const changes = new ChangeSet(target);
    if (options.link !== undefined && packDir !== undefined) {
      const local = locateLocalPackages(resolve(cwd, options.link), armatureDependencies(packageJson.content, options.micro === true));
      output.info(`Packing ${local.map((pkg) => pkg.name).join(', ')} from ${options.link}`);
      tarballs = await packLocalPackages(local, packDir);
      for (const tarball of tarballs.values()) changes.create(join(target, LINKED_PACKAGES_DIR, tarball), readFileSync(join(packDir, tarball)));
    }
    for (const file of files) {
      const content = file === packageJson ? adjustPackageJson(file.content, options.micro === true, tarballs) : file.content;
      changes.create(join(target, file.path), content);
    }
    changes.apply();
    reportChanges(changes);
  } finally {
    if (packDir !== undefined) rmSync(packDir, { recursive: true, force: true });
  }

  output.success(`Created ${colors.bold(packageName)} in ${label}${options.micro ? ' (micro API)' : ''}`);
  if (options.skipInstall !== true) await installDependencies(manager, target, label);

  const run = runScriptPrefix(manager);
  output.info(`\nNext:\n  cd ${label}${options.skipInstall ? `\n  ${installCommandLine(manager)}` : ''}\n  ${run} start:dev\n`);
}
