import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Editors save in bursts (temp file, rename, chmod): changes within this window make one restart. */
const DEBOUNCE_MS = 50;

// Specs do not run in the application: changing them needs no restart.
const RELEVANT = /\.(ts|json)$/;
const IGNORED = /\.(spec|e2e-spec)\.ts$/;

/** Calls `onChange` with the changed file once per burst of changes under `dir` (recursive). */
export function watchSources(dir: string, onChange: (file: string) => void): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let lastFile = '';
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, filename) => {
    if (filename === null) return;
    const name = filename.toString();
    if (!RELEVANT.test(name) || IGNORED.test(name)) return;
    lastFile = join(dir, name);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => onChange(lastFile), DEBOUNCE_MS);
  });
  return {
    close() {
      if (timer !== undefined) clearTimeout(timer);
      watcher.close();
    },
  };
}
