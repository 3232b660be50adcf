'use strict';
// Preloaded into every server (node -r): exits the server when the harness
// dies without cleaning up (SIGKILL, OOM), so no server outlives a run.
// One check a second on an unref'd timer costs nothing measurable.
const parentPid = process.ppid;

setInterval(() => {
  if (process.ppid !== parentPid) process.exit(0);
}, 1000).unref();
