import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCaptured, tail } from './child-process';
import { CliError } from './errors';

interface LocalPackage {
  readonly name: string;
  readonly dir: string;
}

function readName(dir: string): { name?: string; main?: string } | undefined {
  const path = join(dir, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { name?: string; main?: string }) : undefined;
}

/**
 * Finds `@armature/<x>` in a local checkout: `<link>/packages/<x>` (the monorepo root),
 * `<link>/<x>` (its packages folder) or `<link>` itself (one package).
 */
export function locateLocalPackages(linkPath: string, names: readonly string[]): LocalPackage[] {
  const root = resolve(linkPath);
  if (!existsSync(root)) throw new CliError(`--link ${linkPath}: ${root} does not exist.`, 'point --link at an Armature checkout (the folder with packages/core).');
  const missing: string[] = [];
  const found = names.flatMap((name) => {
    const short = name.replace(/^@armature\//, '');
    const dir = [join(root, 'packages', short), join(root, short), root].find((candidate) => readName(candidate)?.name === name);
    if (dir === undefined) {
      missing.push(name);
      return [];
    }
    const main = readName(dir)?.main ?? 'index.js';
    if (!existsSync(join(dir, main))) {
      throw new CliError(`--link: ${name} in ${dir} is not built (${main} is missing).`, `build the checkout first: cd ${root} && npm run build`);
    }
    return [{ name, dir }];
  });
  if (missing.length > 0) {
    throw new CliError(`--link ${linkPath}: ${missing.join(', ')} not found there (looked in packages/<name>, <name> and the folder itself).`, 'point --link at the root of an Armature checkout.');
  }
  return found;
}

/**
 * Packs local packages with `npm pack`, as they would be published (their `files`, their
 * dependencies), so the new project installs real copies and resolves their dependencies itself
 * rather than reaching into the checkout through symlinks. Returns the tarball file names by package.
 */
export async function packLocalPackages(packages: readonly LocalPackage[], destination: string): Promise<Map<string, string>> {
  const run = await runCaptured('npm', ['pack', ...packages.map((pkg) => pkg.dir), '--pack-destination', destination, '--json', '--ignore-scripts'], { cwd: destination });
  if (run.code !== 0) throw new CliError(`npm pack failed for ${packages.map((pkg) => pkg.name).join(', ')}:\n${tail(run.output)}`);
  const packed = JSON.parse(run.stdout) as Array<{ name: string; filename: string }>;
  return new Map(packed.map((entry) => [entry.name, entry.filename.replace(/^@[^/]+\//, '').replace(/\//g, '-')]));
}
