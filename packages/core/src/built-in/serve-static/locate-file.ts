import { constants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Where a checked request path leads. */
export type Located =
  | { readonly kind: 'file'; readonly path: string; readonly handle: FileHandle; readonly stats: Stats }
  /** A directory asked for without its trailing slash, that has an index: redirect to `path/`. */
  | { readonly kind: 'directory' }
  | { readonly kind: 'missing' };

const MISSING: Located = Object.freeze({ kind: 'missing' });
const DIRECTORY: Located = Object.freeze({ kind: 'directory' });
/** Errors that mean "nothing servable here" rather than a server fault. */
const NOT_SERVABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG', 'EISDIR', 'ENXIO']);
// O_NONBLOCK: opening a FIFO someone left under the root must not park a libuv thread forever
// waiting for a writer; regular files ignore the flag.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Is `candidate` the root or inside it? Both are absolute, resolved paths. */
export function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Finds the regular file a path names under `root` (a real path). The path is resolved through
 * symlinks (realpath) and must still be inside the root, so a link pointing out of it is treated
 * as missing; the file is opened at its real path and described by the handle (fstat), so what
 * is served is what was checked. A directory serves its index file (checked the same way).
 */
export async function locateFile(root: string, segments: readonly string[], trailingSlash: boolean, indexNames: readonly string[]): Promise<Located> {
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return MISSING;
  const opened = await openInside(root, candidate);
  if (opened === undefined) return MISSING;
  if (opened.stats.isFile()) {
    if (trailingSlash) {
      await opened.handle.close();
      return MISSING; // `/file.txt/` names a directory that does not exist
    }
    return { kind: 'file', ...opened };
  }
  await opened.handle.close();
  if (!opened.stats.isDirectory()) return MISSING; // sockets, devices, FIFOs
  for (const name of indexNames) {
    const index = await openInside(root, path.join(opened.path, name));
    if (index === undefined) continue;
    if (index.stats.isFile()) {
      if (trailingSlash) return { kind: 'file', ...index };
      await index.handle.close();
      return DIRECTORY;
    }
    await index.handle.close();
  }
  return MISSING;
}

async function openInside(root: string, candidate: string): Promise<{ path: string; handle: FileHandle; stats: Stats } | undefined> {
  let real: string;
  let handle: FileHandle;
  try {
    real = await fs.realpath(candidate);
    if (!isInside(root, real)) return undefined; // a symlink out of the root
    handle = await fs.open(real, OPEN_FLAGS);
  } catch (error) {
    if (NOT_SERVABLE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  try {
    return { path: real, handle, stats: await handle.stat() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
