'use strict';
// Starts one server file pinned to the server core, measures the time from
// spawn to its first correct response, and stops it (SIGTERM, then SIGKILL).
const path = require('node:path');
const { spawn } = require('node:child_process');
const { track } = require('./child-registry');
const { pinnedCommand } = require('./cpu-pinning');
const { httpRequest } = require('./http-request');
const { freePort } = require('./free-port');

const EXIT_WITH_PARENT = path.join(__dirname, 'exit-with-parent.js');
const POLL_INTERVAL_MS = 5;
const OUTPUT_TAIL_BYTES = 8192;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @returns {Promise<{ pid, port, startupMs, stop(): Promise<void>, output(): string }>}
 */
async function startServer({ file, pinning, probePath = '/plaintext', startupTimeoutMs = 30000, env = {}, unsetEnv = [], pollIntervalMs = POLL_INTERVAL_MS }) {
  const port = await freePort();
  const [command, args] = pinnedCommand(pinning, pinning.serverCpu, process.execPath, ['-r', EXIT_WITH_PARENT, file]);
  const childEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...env };
  for (const name of unsetEnv) delete childEnv[name];
  const started = process.hrtime.bigint();
  // taskset execs node, so child.pid is the server's own pid (what /proc reads).
  const child = track(
    spawn(command, args, {
      cwd: path.dirname(file),
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

  let tail = '';
  const keepTail = (chunk) => {
    tail = (tail + chunk).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitInfo = null;
  exited.then((info) => {
    exitInfo = info;
  });

  const stop = async () => {
    if (exitInfo) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const name = path.basename(file, '.js');
  const deadline = Date.now() + startupTimeoutMs;
  // Bounded poll: ECONNREFUSED comes back at once until the server listens.
  while (true) {
    if (exitInfo) {
      throw new Error(`${name} exited during startup (${JSON.stringify(exitInfo)}):\n${tail}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} gave no 200 on ${probePath} within ${startupTimeoutMs} ms:\n${tail}`);
    }
    try {
      const res = await httpRequest({ port, path: probePath, timeoutMs: 1000 });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(pollIntervalMs);
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;

  return { name, pid: child.pid, port, startupMs, stop, output: () => tail, hasExited: () => exitInfo !== null };
}

module.exports = { startServer };
