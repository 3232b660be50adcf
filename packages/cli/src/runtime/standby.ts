// A warm standby for `armature start --watch`. Node's start, swc and the framework's packages (the
// slow part: about half a second for @armature/core and its dependencies) are loaded while the
// current version of the app runs; on a change the watcher stops that app and tells this process to
// run the entry, which then compiles and loads only the application's own files, all fresh.
import Module from 'node:module';
import { isCliError } from '../errors';
import { resolveFrom } from '../package-info';
import { registerTypeScript } from '../typescript-loader';

interface RunMessage {
  entry: string;
}

const projectRoot = process.env.ARMATURE_PROJECT_ROOT ?? process.cwd();
let started = false;

process.once('message', (message: RunMessage) => {
  started = true;
  // The app gets no IPC channel: it must behave as when started by hand.
  process.disconnect?.();
  process.argv[1] = message.entry;
  const runMain = (Module as unknown as { runMain?: (main?: string) => void }).runMain;
  // runMain loads the entry as the main module (require.main === module), as `node entry` would.
  if (typeof runMain === 'function') runMain(message.entry);
  else require(message.entry);
});

// The watcher is gone (it crashed or was killed): a standby must not outlive it.
process.on('disconnect', () => {
  if (!started) process.exit(0);
});

try {
  registerTypeScript(projectRoot);
} catch (error) {
  if (!isCliError(error)) throw error;
  process.stderr.write(`error ${error.message}\n`);
  process.exit(1);
}

// Only the framework's own packages: loading them has no side effects, unlike some applications' dependencies.
for (const name of (process.env.ARMATURE_PRELOAD ?? '').split(',').filter(Boolean)) {
  const path = resolveFrom(projectRoot, name);
  if (path === undefined) continue;
  try {
    require(path);
  } catch {
    // The app will require it itself and report the error where it belongs.
  }
}
