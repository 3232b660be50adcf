import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { CliError } from '../errors';
import { colors, output } from '../output';
import { requireProject, type Project } from '../project';
import { compilerSetup, type CompilerSetup } from '../typescript-project';

/** Deletes the previous output first (files of deleted sources would otherwise linger), but never outside the project. */
function cleanOutDir(project: Project, outDir: string): void {
  const rel = relative(project.root, outDir);
  const resolvedSourceRoot = resolve(project.root, project.config.sourceRoot);
  const insideProject = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  if (insideProject && outDir !== resolvedSourceRoot && !resolvedSourceRoot.startsWith(`${outDir}${sep}`)) rmSync(outDir, { recursive: true, force: true });
}

/** Type-checks and compiles the project with its own `tsc`; the compiler's messages go straight to the terminal. */
export async function buildProject(project: Project): Promise<CompilerSetup> {
  const setup = compilerSetup(project);
  cleanOutDir(project, setup.outDir);
  const started = Date.now();
  const code = await new Promise<number | null>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [setup.tscPath, '-p', setup.configPath, '--pretty'], { cwd: project.root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', resolvePromise);
  });
  if (code !== 0) {
    throw new CliError('The build failed: TypeScript reported the errors above.', 'fix them, then build again.');
  }
  output.success(`Built ${relative(project.root, setup.outDir) || '.'}/ ${colors.dim(`(${Date.now() - started} ms)`)}`);
  return setup;
}

export async function runBuild(cwd = process.cwd()): Promise<void> {
  await buildProject(requireProject(cwd, 'build'));
}
