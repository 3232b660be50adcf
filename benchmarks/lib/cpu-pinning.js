'use strict';
// Which cores the server and the load generator get. Pinning each to its own
// core keeps them from stealing time from each other, so the server's CPU
// time is its own and the load generator never waits for the server's core.
const os = require('node:os');
const { execFileSync } = require('node:child_process');

function hasTaskset() {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** { serverCpu, loadCpu, pinned, reason } */
function planPinning() {
  if (!hasTaskset()) return { pinned: false, reason: 'taskset not found (apt-get install util-linux)' };
  if (os.cpus().length < 2) return { pinned: false, reason: 'fewer than 2 cores' };
  return { pinned: true, serverCpu: 0, loadCpu: 1 };
}

/** Prefix a command with taskset when pinning; returns [command, args]. */
function pinnedCommand(plan, cpu, command, args) {
  if (!plan.pinned) return [command, args];
  return ['taskset', ['-c', String(cpu), command, ...args]];
}

/** Moves the harness itself onto the load generator's core, off the server's. */
function pinSelf(plan) {
  if (!plan.pinned) return;
  execFileSync('taskset', ['-pc', String(plan.loadCpu), String(process.pid)], { stdio: 'ignore' });
}

module.exports = { planPinning, pinnedCommand, pinSelf };
