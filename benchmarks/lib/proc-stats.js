'use strict';
// CPU time and memory of a live process, read from /proc (Linux only).
// utime+stime of /proc/<pid>/stat cover every thread of the process (V8's GC
// helpers, libuv's pool), so CPU/request charges a server for all its work.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

let ticksPerSecond = null;
function clockTicksPerSecond() {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // the Linux default (USER_HZ)
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may hold spaces and parentheses: split after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / clockTicksPerSecond();
}

/** Resident set size in bytes (VmRSS). */
function rssBytes(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/**
 * CPU seconds the harness's reaped children used (cutime+cstime of this
 * process): after wrk has exited and been waited for, its CPU time is here.
 */
function reapedChildrenCpuSeconds() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / clockTicksPerSecond(); // fields 16, 17
}

/** Busy and stolen CPU seconds of the whole machine, summed over all cores. */
function machineCpuSeconds() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]; // "cpu  user nice system idle iowait irq softirq steal ..."
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const hz = clockTicksPerSecond();
  return { busy: (user + nice + system + irq + softirq) / hz, steal: steal / hz };
}

module.exports = { cpuSeconds, rssBytes, clockTicksPerSecond, reapedChildrenCpuSeconds, machineCpuSeconds };
