import { Command, Option } from 'commander';
import { colors } from './output';
import { cliPackage } from './package-info';
import { PACKAGE_MANAGERS } from './package-manager';
import { SCHEMATICS } from './schematics/catalog';

// Each command's module is loaded only when it runs: `armature --help` does not pay for ts-morph or swc.
/* eslint-disable @typescript-eslint/no-require-imports */
const commands = {
  new: () => require('./commands/new') as typeof import('./commands/new'),
  generate: () => require('./commands/generate') as typeof import('./commands/generate'),
  start: () => require('./commands/start') as typeof import('./commands/start'),
  build: () => require('./commands/build') as typeof import('./commands/build'),
  routes: () => require('./commands/routes') as typeof import('./commands/routes'),
  info: () => require('./commands/info') as typeof import('./commands/info'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

function examples(lines: string[]): string {
  return `\n${colors.bold('Examples:')}\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

export function createProgram(): Command {
  const program = new Command('armature')
    .description('The Armature command line: create, generate, build, run and inspect Armature applications.')
    .version(cliPackage().version, '-v, --version', 'print the CLI version')
    .option('--no-color', 'plain output (NO_COLOR=1 does the same)')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .configureHelp({ styleTitle: (title) => colors.bold(title), styleCommandText: (text) => colors.cyan(text) })
    .configureOutput({ outputError: (text, write) => write(colors.red(text)) });

  program
    .command('new')
    .argument('<name>', 'project name; also the folder (kebab-cased)')
    .description('create a new application and install its dependencies')
    .addOption(new Option('-p, --package-manager <manager>', 'package manager to install with (default: the one running this CLI, else npm)').choices(PACKAGE_MANAGERS))
    .option('--skip-install', 'write the files only')
    .option('--micro', 'use the micro (function-first) API instead of modules and controllers')
    .option('--strict', "TypeScript's strict mode instead of NestJS's relaxed defaults")
    .option('--link <path>', 'use the Armature packages of a local checkout (packed with npm pack) instead of the registry')
    .option('--directory <dir>', 'folder to create the project in (default: the name)')
    .addHelpText('after', examples(['armature new my-api', 'armature new my-api --package-manager pnpm --strict', 'armature new my-api --link ../armature  # packages from a checkout']))
    .action((name: string, options) => commands.new().runNew(name, options));

  program
    .command('generate')
    .alias('g')
    .argument('<schematic>', `what to generate: ${SCHEMATICS.map((schematic) => schematic.name).join(', ')}`)
    .argument('<name>', 'its name, optionally under folders (admin/users)')
    .description('generate an element and register it in the nearest module')
    .option('-d, --dry-run', 'print the file tree and the diffs, write nothing')
    .option('--flat', 'no folder of its own')
    .option('--no-flat', 'a folder of its own (the default for module, controller, service, gateway, resource)')
    .option('--spec', 'generate spec files (the default, unless armature.json says otherwise)')
    .option('--no-spec', 'no spec files')
    .option('--path <path>', 'folder to generate into, relative to the source root')
    .option('-f, --force', 'overwrite files that already exist')
    .option('--skip-import', 'do not register it in a module')
    .addHelpText('after', () => `\n${colors.bold('Schematics (name, alias):')}\n${commands.generate().schematicList()}\n${examples(['armature g resource cats', 'armature g co admin/users --dry-run', 'armature g guard auth --no-spec'])}`)
    .action((schematic: string, name: string, options) => commands.generate().runGenerate(schematic, name, options));

  program
    .command('start')
    .description('build and run the application (with --watch: run from the sources and restart on change)')
    .option('-w, --watch', 'run the TypeScript sources through swc and restart within a second of a change')
    .addHelpText('after', examples(['armature start', 'armature start --watch']))
    .action((options) => commands.start().runStart(options));

  program
    .command('build')
    .description("type-check and compile the application with the project's tsc")
    .action(() => commands.build().runBuild());

  program
    .command('routes')
    .description('load the application module without listening and print its compiled route table')
    .option('--json', 'print the routes as JSON')
    .option('--module <path>', 'the root module file (default: appModule.path in armature.json, src/app.module.ts)')
    .option('--export <name>', 'the root module class (default: appModule.export, AppModule)')
    .option('--compiled', 'load the built JavaScript from the outDir instead of the TypeScript sources')
    .option('--global-prefix <prefix>', 'apply the global prefix main.ts sets with app.setGlobalPrefix()')
    .addHelpText('after', examples(['armature routes', 'armature routes --json | jq .', 'armature routes --global-prefix api']))
    .action(async (options: { json?: boolean; module?: string; export?: string; compiled?: boolean; globalPrefix?: string }) => {
      await commands.routes().runRoutes({ ...options, exportName: options.export });
      // The application was closed, but user code may keep timers or sockets alive: the listing is done.
      process.exit(process.exitCode ?? 0);
    });

  program
    .command('info')
    .description('versions of the Armature packages, Node, the platform and the uWebSockets.js binary in use')
    .option('--json', 'print as JSON')
    .action((options) => commands.info().runInfo(options));

  return program;
}
