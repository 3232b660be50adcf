'use strict';
// Preloaded into a server by profile-server.js (node -r). The CPU profile covers only the window
// between SIGUSR2 (start) and SIGTERM (stop, write, exit), so start-up and warm-up stay out of it.
// PROFILE_FILE names the output; PROFILE_INTERVAL_US the sampling interval (default 100 µs).
const fs = require('node:fs');
const inspector = require('node:inspector');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL_US || 100) });

process.on('SIGUSR2', () => session.post('Profiler.start'));
process.on('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(process.env.PROFILE_FILE, JSON.stringify(result.profile));
    process.exit(error ? 1 : 0);
  });
});
