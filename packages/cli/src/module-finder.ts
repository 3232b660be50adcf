import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The module a new element belongs to, as NestJS finds it: the closest `*.module.ts` walking up from
 * the element's folder to the source root. In a folder with several, the one named after the folder
 * wins, then `app.module.ts`, then the first by name.
 */
export function findNearestModule(fromDir: string, sourceRoot: string, exclude: ReadonlySet<string> = new Set()): string | undefined {
  const root = resolve(sourceRoot);
  for (let dir = resolve(fromDir); isInside(dir, root); dir = dirname(dir)) {
    if (existsSync(dir)) {
      const modules = readdirSync(dir)
        .filter((name) => name.endsWith('.module.ts'))
        .map((name) => join(dir, name))
        .filter((path) => !exclude.has(path))
        .sort();
      const preferred = [`${basename(dir)}.module.ts`, 'app.module.ts']
        .map((name) => modules.find((path) => basename(path) === name))
        .find((path) => path !== undefined);
      if (preferred !== undefined || modules.length > 0) return preferred ?? modules[0];
    }
    if (dir === root) return undefined;
  }
  return undefined;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** The specifier one file uses to import another: `./cats/cats.service` (no extension, forward slashes). */
export function importSpecifier(fromFile: string, toFile: string, extension = ''): string {
  const rel = relative(dirname(fromFile), toFile).replace(/\\/g, '/').replace(/\.ts$/, extension);
  return rel.startsWith('.') ? rel : `./${rel}`;
}
