import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { CliError } from './errors';
import { resolveFrom } from './package-info';
import type { Project } from './project';
import { registerTypeScript } from './typescript-loader';
import { compiledPath, compilerSetup } from './typescript-project';
import type { ListedRoute } from './route-table-format';

export interface ModuleSource {
  /** Overrides `appModule.path` (relative to the project). */
  module?: string;
  /** Overrides `appModule.export`. */
  exportName?: string;
  /** Load the compiled JavaScript from the build's outDir instead of the TypeScript sources. */
  compiled?: boolean;
}

/** What `routes` needs of the project's own @armature/core (its copy, so that its metadata is the one the module used). */
interface CoreModule {
  ArmatureFactory: {
    create(module: unknown, options: { logger: false }): Promise<{
      setGlobalPrefix(prefix: string): unknown;
      init(): Promise<unknown>;
      getRoutes(): ListedRoute[];
      close(): Promise<void>;
    }>;
  };
}

function loadRootModule(project: Project, source: ModuleSource): { rootModule: unknown; file: string } {
  const sourcePath = resolve(project.root, source.module ?? project.config.appModule.path);
  const exportName = source.exportName ?? project.config.appModule.export;
  let file = sourcePath;
  if (source.compiled === true) {
    file = compiledPath(project, compilerSetup(project), sourcePath);
    if (!existsSync(file)) throw new CliError(`${relative(project.root, file)} does not exist.`, 'build the project first (armature build), or drop --compiled to load the sources.');
  } else {
    if (!existsSync(sourcePath)) {
      throw new CliError(`The application module ${relative(project.root, sourcePath)} does not exist.`, 'set "appModule": { "path": ..., "export": ... } in armature.json, or pass --module <path>.');
    }
    if (/\.(m|c)?tsx?$/.test(sourcePath)) registerTypeScript(project.root);
  }

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(file) as Record<string, unknown>;
  const rootModule = exports[exportName];
  if (typeof rootModule !== 'function') {
    const classes = Object.keys(exports).filter((key) => typeof exports[key] === 'function');
    throw new CliError(
      `${relative(project.root, file)} does not export a class named ${exportName}${classes.length > 0 ? ` (it exports ${classes.join(', ')})` : ''}.`,
      'set "appModule.export" in armature.json, or pass --export <name>.',
    );
  }
  return { rootModule, file };
}

/**
 * Builds the application without listening (`create` + `init`: providers are instantiated and
 * `onModuleInit` hooks run, as they would at boot), reads its compiled route table and closes it.
 */
export async function listApplicationRoutes(project: Project, source: ModuleSource, globalPrefix?: string): Promise<ListedRoute[]> {
  const { rootModule, file } = loadRootModule(project, source);
  const corePath = resolveFrom(dirname(file), '@armature/core');
  if (corePath === undefined) throw new CliError(`@armature/core is not installed in ${project.root}.`, 'install the dependencies (npm install).');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(corePath) as CoreModule;
  const app = await core.ArmatureFactory.create(rootModule, { logger: false });
  try {
    if (globalPrefix !== undefined) app.setGlobalPrefix(globalPrefix);
    await app.init();
    return app.getRoutes();
  } finally {
    await app.close();
  }
}
