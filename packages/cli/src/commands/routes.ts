import { CliError } from '../errors';
import { listApplicationRoutes, type ModuleSource } from '../load-app-module';
import { colors, output } from '../output';
import { requireProject } from '../project';
import { formatRouteTable, routesAsJson } from '../route-table-format';

export interface RoutesOptions extends ModuleSource {
  json?: boolean;
  globalPrefix?: string;
}

export async function runRoutes(options: RoutesOptions, cwd = process.cwd()): Promise<void> {
  const project = requireProject(cwd, 'routes');
  // The application's own console output must not end up inside the JSON or the table on stdout.
  const restoreConsole = redirectConsoleToStderr();
  let routes;
  try {
    routes = await listApplicationRoutes(project, options, options.globalPrefix);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`The application could not be initialised: ${(error as Error).message}`, 'fix the error above (it is what `start` would hit too), then run `armature routes` again.');
  } finally {
    restoreConsole();
  }
  if (options.json === true) {
    output.result(JSON.stringify(routesAsJson(routes), null, 2));
    return;
  }
  const moduleName = options.exportName ?? project.config.appModule.export;
  if (routes.length === 0) {
    output.info(`${moduleName} declares no routes.`);
    return;
  }
  output.result(formatRouteTable(routes));
  output.info(colors.dim(`\n${routes.length} route${routes.length === 1 ? '' : 's'} in ${moduleName}`));
}

function redirectConsoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  return () => Object.assign(console, saved);
}
