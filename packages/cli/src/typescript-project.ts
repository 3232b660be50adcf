import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type * as TypeScript from 'typescript';
import { CliError } from './errors';
import { resolveFrom } from './package-info';
import type { Project } from './project';

export interface CompilerSetup {
  /** The project's own `typescript/bin/tsc`. */
  readonly tscPath: string;
  readonly configPath: string;
  /** Absolute; where tsc writes (next to the sources when the tsconfig names no outDir). */
  readonly outDir: string;
  /** Absolute; the folder whose layout tsc mirrors under outDir, when the tsconfig says. */
  readonly rootDir?: string;
}

const INSTALL_TYPESCRIPT = 'install it in the project: npm install --save-dev typescript@~5.9 (5.x: the 7.x Go port has no compiler API).';

/** The tsconfig the project builds with: `tsConfigPath` from the config, else tsconfig.json. */
export function tsConfigPath(project: Project): string {
  const candidates = [project.config.tsConfigPath, 'tsconfig.json'].map((path) => resolve(project.root, path));
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new CliError(`No tsconfig found: looked for ${[...new Set([project.config.tsConfigPath, 'tsconfig.json'])].join(' and ')} in ${project.root}.`, 'create one, or set "tsConfigPath" in armature.json.');
  }
  return found;
}

/** Reads the tsconfig with the project's own TypeScript (extends, comments and all). */
export function compilerSetup(project: Project): CompilerSetup {
  const tscPath = resolveFrom(project.root, 'typescript/bin/tsc');
  const tsPath = resolveFrom(project.root, 'typescript');
  if (tscPath === undefined || tsPath === undefined) throw new CliError(`TypeScript is not installed in ${project.root}.`, INSTALL_TYPESCRIPT);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(tsPath) as typeof TypeScript;
  const configPath = tsConfigPath(project);
  const problems: string[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => problems.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  });
  if (parsed === undefined || problems.length > 0) {
    throw new CliError(`Cannot read ${relative(project.root, configPath)}: ${problems.join('; ') || 'unknown error'}.`);
  }
  return {
    tscPath,
    configPath,
    outDir: parsed.options.outDir ?? dirname(configPath),
    rootDir: parsed.options.rootDir,
  };
}

/** The compiled JavaScript file of a source file, wherever tsc put it. */
export function compiledPath(project: Project, setup: CompilerSetup, sourceFile: string): string {
  const withoutExtension = sourceFile.replace(/\.(m|c)?tsx?$/, '');
  const extension = /\.mts$/.test(sourceFile) ? '.mjs' : /\.cts$/.test(sourceFile) ? '.cjs' : '.js';
  // With no rootDir, tsc mirrors the sources' common folder: usually the source root, sometimes the project.
  const roots = setup.rootDir !== undefined ? [setup.rootDir] : [resolve(project.root, project.config.sourceRoot), project.root];
  const candidates = roots.map((root) => join(setup.outDir, `${relative(root, withoutExtension)}${extension}`));
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}
