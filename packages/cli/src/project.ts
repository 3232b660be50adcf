import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError } from './errors';

/** `armature.json`, or the `armature` field of package.json; every key is optional. */
export interface ArmatureConfig {
  /** Where the sources live; generators write under it. */
  sourceRoot: string;
  /** The file `start` runs, without extension, relative to `sourceRoot`. */
  entryFile: string;
  /** The tsconfig `build` and `start` compile with. */
  tsConfigPath: string;
  /** The root module `routes` loads. */
  appModule: { path: string; export: string };
  /** Defaults for `generate`. */
  generate: { spec: boolean };
}

export interface Project {
  readonly root: string;
  readonly config: ArmatureConfig;
  /** Where the configuration came from, for messages. */
  readonly configSource: string;
  readonly packageJson: PackageJson;
}

export interface PackageJson {
  name?: string;
  version?: string;
  type?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  armature?: Partial<ArmatureConfig>;
  [key: string]: unknown;
}

export const CONFIG_FILE = 'armature.json';

const DEFAULT_CONFIG: ArmatureConfig = {
  sourceRoot: 'src',
  entryFile: 'main',
  tsConfigPath: 'tsconfig.build.json',
  appModule: { path: 'src/app.module.ts', export: 'AppModule' },
  generate: { spec: true },
};

export function readJsonFile<T>(path: string): T {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`, 'Fix the file, then run the command again.');
  }
}

function dependsOnArmature(pkg: PackageJson): boolean {
  return [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies].some((deps) => deps?.['@armature/core'] !== undefined);
}

/** The nearest folder, from `cwd` up, that is an Armature project; undefined when there is none. */
export function findProjectRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const pkgPath = join(dir, 'package.json');
    if (existsSync(pkgPath)) {
      const pkg = readJsonFile<PackageJson>(pkgPath);
      if (pkg.armature !== undefined || dependsOnArmature(pkg)) return dir;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function mergeConfig(partial: Partial<ArmatureConfig>, source: string): ArmatureConfig {
  const config: ArmatureConfig = {
    ...DEFAULT_CONFIG,
    ...partial,
    appModule: { ...DEFAULT_CONFIG.appModule, ...partial.appModule },
    generate: { ...DEFAULT_CONFIG.generate, ...partial.generate },
  };
  const strings: Array<[string, unknown]> = [
    ['sourceRoot', config.sourceRoot],
    ['entryFile', config.entryFile],
    ['tsConfigPath', config.tsConfigPath],
    ['appModule.path', config.appModule.path],
    ['appModule.export', config.appModule.export],
  ];
  for (const [key, value] of strings) {
    if (typeof value !== 'string' || value.length === 0) {
      throw new CliError(`${source}: "${key}" must be a non-empty string, got ${JSON.stringify(value)}.`);
    }
  }
  if (typeof config.generate.spec !== 'boolean') {
    throw new CliError(`${source}: "generate.spec" must be true or false, got ${JSON.stringify(config.generate.spec)}.`);
  }
  return config;
}

export function loadProject(root: string): Project {
  const pkgPath = join(root, 'package.json');
  const packageJson = existsSync(pkgPath) ? readJsonFile<PackageJson>(pkgPath) : {};
  const configPath = join(root, CONFIG_FILE);
  if (existsSync(configPath)) {
    return { root, packageJson, configSource: CONFIG_FILE, config: mergeConfig(readJsonFile<Partial<ArmatureConfig>>(configPath), CONFIG_FILE) };
  }
  if (packageJson.armature !== undefined) {
    return { root, packageJson, configSource: 'package.json#armature', config: mergeConfig(packageJson.armature, 'package.json#armature') };
  }
  return { root, packageJson, configSource: 'defaults', config: mergeConfig({}, 'defaults') };
}

/** The project the command runs in, or a CliError saying how to get into one. */
export function requireProject(cwd: string, command: string): Project {
  const root = findProjectRoot(cwd);
  if (root === undefined) {
    throw new CliError(
      `\`armature ${command}\` must run inside an Armature project, and neither ${cwd} nor any folder above it is one ` +
        `(no ${CONFIG_FILE}, and no package.json depending on @armature/core).`,
      'cd into your project, or create one with `armature new my-app`.',
    );
  }
  return loadProject(root);
}

/** `root`-relative path with forward slashes, for messages. */
export function projectPath(project: Project, absolutePath: string): string {
  return relative(project.root, absolutePath).replace(/\\/g, '/') || '.';
}
