'use strict';
// Every child process the harness starts (servers, load generators) is
// registered here and killed when the harness exits for any reason: normal
// end, thrown error, Ctrl-C or SIGTERM. No orphan keeps a core busy.

const live = new Set();
let installed = false;

function killAll(signal = 'SIGKILL') {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

function installHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}: stopping ${live.size} child process(es)`);
      killAll('SIGKILL');
      process.exit(130);
    });
  }
}

function track(child) {
  installHandlers();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

module.exports = { track, killAll };
