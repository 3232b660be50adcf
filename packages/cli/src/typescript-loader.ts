import { readFileSync } from 'node:fs';
import type * as Swc from '@swc/core';
import { CliError } from './errors';
import { resolveFrom } from './package-info';

/** The project's @swc/core (its version, its binary), else the CLI's own. */
export function loadSwc(projectRoot: string): typeof Swc {
  const path = resolveFrom(projectRoot, '@swc/core') ?? resolveFrom(__dirname, '@swc/core');
  if (path === undefined) {
    throw new CliError('@swc/core is not installed: it compiles TypeScript for `start --watch` and `routes`.', 'npm install --save-dev @swc/core');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as typeof Swc;
}

/**
 * swc rather than esbuild or tsx: those cannot emit `design:paramtypes`, and without that metadata
 * constructor injection has nothing to inject. Same settings as the project's jest transform.
 */
export const SWC_OPTIONS: Swc.Options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
  configFile: false,
};

type CompilableModule = NodeJS.Module & { _compile(code: string, filename: string): void };

/** Lets `require()` load `.ts` files of this process, compiled in memory file by file as they load. */
export function registerTypeScript(projectRoot: string): void {
  const swc = loadSwc(projectRoot);
  // The CommonJS loader hook (deprecated in name only): what ts-node and @swc/register use too.
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...SWC_OPTIONS, filename });
    (module as CompilableModule)._compile(code, filename);
  };
}
