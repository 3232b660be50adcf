import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { CliError } from './errors';

export type ChangeKind = 'create' | 'overwrite' | 'update';

export interface FileChange {
  readonly kind: ChangeKind;
  /** Absolute path. */
  readonly path: string;
  /** The content on disk before, for updates and overwrites (diffs, rollback). */
  readonly before?: string;
  /** Bytes for binary files (packed tarballs), which are written but never diffed. */
  readonly after: string | Uint8Array;
}

/**
 * Every file a command writes, planned in memory first. Nothing touches the disk until `apply()`,
 * so a command that fails while planning (a clash, a module it cannot parse) leaves no trace, and
 * `apply()` itself undoes what it wrote when a later write fails.
 */
export class ChangeSet {
  private readonly changes = new Map<string, FileChange>();

  constructor(readonly root: string) {}

  /** A new file; becomes an overwrite when `overwrite` is set and the file exists. */
  create(path: string, content: string | Uint8Array, options: { overwrite?: boolean } = {}): void {
    const exists = existsSync(path);
    if (exists && options.overwrite !== true) {
      throw new Error(`internal: ${path} exists; callers check conflicts() before create()`);
    }
    this.set({ kind: exists ? 'overwrite' : 'create', path, before: exists ? readFileSync(path, 'utf8') : undefined, after: content });
  }

  /** A new version of a file on disk (or of one created earlier in this change set). */
  update(path: string, after: string): void {
    const planned = this.changes.get(path);
    if (planned !== undefined) {
      this.changes.set(path, { ...planned, after });
      return;
    }
    this.set({ kind: 'update', path, before: readFileSync(path, 'utf8'), after });
  }

  /** The current content of `path` as this change set would leave it. */
  read(path: string): string {
    const planned = this.changes.get(path)?.after;
    if (planned === undefined) return readFileSync(path, 'utf8');
    return typeof planned === 'string' ? planned : Buffer.from(planned).toString('utf8');
  }

  has(path: string): boolean {
    return this.changes.has(path) || existsSync(path);
  }

  list(): FileChange[] {
    return [...this.changes.values()];
  }

  relative(path: string): string {
    return relative(this.root, path).replace(/\\/g, '/');
  }

  /** Writes every change; on any failure restores what was there and removes what was new. */
  apply(): void {
    const written: FileChange[] = [];
    const createdDirs: string[] = [];
    try {
      for (const change of this.changes.values()) {
        createdDirs.push(...makeDirectories(dirname(change.path)));
        // Write beside, then rename: a crash mid-write never leaves a truncated file.
        const temporary = `${change.path}.armature-${process.pid}.tmp`;
        writeFileSync(temporary, change.after);
        renameSync(temporary, change.path);
        written.push(change);
      }
    } catch (error) {
      for (const change of written.reverse()) {
        if (change.before === undefined) unlinkSync(change.path);
        else writeFileSync(change.path, change.before);
      }
      for (const dir of createdDirs.reverse()) rmdirSync(dir);
      throw new CliError(`Could not write the files (${(error as Error).message}); nothing was changed.`);
    }
  }

  private set(change: FileChange): void {
    this.changes.set(change.path, change);
  }
}

/** Like `mkdir -p`, returning the folders it created (outermost first) so that they can be removed. */
function makeDirectories(dir: string): string[] {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) missing.unshift(current);
  if (missing.length > 0) mkdirSync(dir, { recursive: true });
  return missing;
}
