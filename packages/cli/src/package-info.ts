import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * A package's folder as Node would find it from `fromDir`, walking up through node_modules. Read
 * from disk rather than with `require('x/package.json')`, which packages with an `exports` map
 * that does not list package.json refuse.
 */
export function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function readPackageVersion(packageDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The CLI's own package.json (next to `src/` and `dist/`). */
export function cliPackage(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
}

/** `require.resolve` from a project folder, or undefined when the module is not installed there. */
export function resolveFrom(fromDir: string, request: string): string | undefined {
  try {
    return require.resolve(request, { paths: [fromDir] });
  } catch {
    return undefined;
  }
}
