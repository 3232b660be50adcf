'use strict';
// Where the machine's CPU went during one load run: the server, the load
// generator, and everything else. "Foreign" CPU (other processes, or time the
// hypervisor stole) slows the server and inflates its CPU/request, so a run
// with much of it is repeated.
const { cpuSeconds, reapedChildrenCpuSeconds, machineCpuSeconds } = require('./proc-stats');

function snapshot(serverPid) {
  const self = process.cpuUsage();
  return {
    server: cpuSeconds(serverPid),
    loadGenerator: reapedChildrenCpuSeconds(),
    harness: (self.user + self.system) / 1e6,
    machine: machineCpuSeconds(),
    at: process.hrtime.bigint(),
  };
}

/** CPU seconds used between two snapshots; foreign is in cores (0 = quiet box). */
function cpuBetween(before, after) {
  const wallSec = Number(after.at - before.at) / 1e9;
  const server = after.server - before.server;
  const loadGenerator = after.loadGenerator - before.loadGenerator;
  const harness = after.harness - before.harness;
  const machine = after.machine.busy - before.machine.busy + (after.machine.steal - before.machine.steal);
  const foreign = Math.max(0, machine - server - loadGenerator - harness);
  return { wallSec, server, loadGenerator, foreignCores: foreign / wallSec };
}

module.exports = { snapshot, cpuBetween };
