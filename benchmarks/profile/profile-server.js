#!/usr/bin/env node
'use strict';
// Profiles one benchmark server under one wrk load, with either of two profilers:
//   --profiler cpu       V8's sampling profiler (what `node --cpu-prof` uses), limited to the
//                        measured window; writes a .cpuprofile and prints its top frames.
//   --profiler callgrind valgrind's instruction counter: counts every instruction the server runs
//                        while the load runs, divided by the responses. Slow (the server runs ~50x
//                        slower) but deterministic, so it compares builds on a busy machine.
// Examples:
//   node benchmarks/profile/profile-server.js armature-decorators --endpoint plaintext --mode pipelined
//   node benchmarks/profile/profile-server.js uws-raw --endpoint echo --profiler callgrind
//   node benchmarks/profile/profile-server.js armature-decorators --servers-dir /tmp/before/benchmarks/servers
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const { endpointByName } = require('../lib/endpoints');
const { runWrk } = require('../lib/wrk');
const { freePort } = require('../lib/free-port');
const { httpRequest } = require('../lib/http-request');
const { track, killAll } = require('../lib/child-registry');
const { planPinning, pinnedCommand, pinSelf } = require('../lib/cpu-pinning');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    endpoint: { type: 'string', default: 'plaintext' },
    mode: { type: 'string', default: 'pipelined' },
    profiler: { type: 'string', default: 'cpu' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '100' },
    top: { type: 'string', default: '25' },
    out: { type: 'string' },
    // Another checkout's servers (e.g. a build of the previous commit), to profile before/after.
    'servers-dir': { type: 'string' },
  },
});
const serverName = positionals[0];
if (!serverName || !['cpu', 'callgrind'].includes(values.profiler)) {
  console.error('usage: profile-server.js SERVER [--endpoint plaintext|json|users|echo|realistic] [--mode plain|pipelined] [--profiler cpu|callgrind] [--duration S] [--warmup S] [--out FILE] [--servers-dir DIR]');
  process.exit(2);
}
const file = path.resolve(values['servers-dir'] ?? path.join(__dirname, '..', 'servers'), `${serverName}.js`);
const endpoint = endpointByName(values.endpoint);
if (!fs.existsSync(file) || !endpoint) throw new Error(`unknown server or endpoint: ${serverName} ${values.endpoint}`);
const pipeline = values.mode === 'pipelined' ? 16 : 1;
const outDir = path.join(__dirname, 'out');
const stamp = `${values['servers-dir'] ? 'other-' : ''}${serverName}-${values.endpoint}-${values.mode}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForServer(port, child) {
  for (let i = 0; i < 6000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await httpRequest({ port, path: '/plaintext', timeoutMs: 5000 });
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(20);
  }
  throw new Error('server did not start');
}

/** callgrind_control says OK even when vgdb failed: check what it printed. */
function callgrindControl(args) {
  // vgdb finds the server by a /tmp file named after $HOST, which the servers' environment sets.
  const run = spawnSync('callgrind_control', args, { encoding: 'utf8', env: { ...process.env, HOST: '127.0.0.1' } });
  if (run.status !== 0 || /error|not detected/i.test(run.stdout + run.stderr)) {
    throw new Error(`callgrind_control ${args.join(' ')}: ${run.stdout}${run.stderr}`);
  }
}

function load(port, pinning, seconds) {
  return runWrk({ port, endpoint, pipeline, connections: Number(values.connections), durationSec: seconds, pinning });
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const pinning = planPinning();
  pinSelf(pinning);
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' };
  let command;
  let args;
  const profileFile = values.out ?? path.join(outDir, `${stamp}.${values.profiler === 'cpu' ? 'cpuprofile' : 'callgrind'}`);
  if (values.profiler === 'cpu') {
    env.PROFILE_FILE = profileFile;
    [command, args] = pinnedCommand(pinning, pinning.serverCpu, process.execPath, ['-r', path.join(__dirname, 'profiler-preload.js'), file]);
  } else {
    // Instrumentation starts switched off: start-up and warm-up are not counted.
    [command, args] = pinnedCommand(pinning, pinning.serverCpu, 'valgrind', [
      '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${profileFile}`, process.execPath, file,
    ]);
  }
  for (const old of fs.readdirSync(path.dirname(profileFile))) {
    if (old.startsWith(path.basename(profileFile))) fs.rmSync(path.join(path.dirname(profileFile), old));
  }
  const child = track(spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] }));
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitForServer(port, child);
  const slow = values.profiler === 'callgrind' ? 4 : 1;
  await load(port, pinning, Number(values.warmup) * slow);

  if (values.profiler === 'cpu') {
    child.kill('SIGUSR2');
    await sleep(100);
    const run = await load(port, pinning, Number(values.duration));
    child.kill('SIGTERM');
    await exited;
    console.log(`${stamp}: ${run.requests} responses in ${run.durationSec.toFixed(1)} s under the profiler (${(run.requests / run.durationSec / 1000).toFixed(1)}k req/s)`);
    console.log(execFileSync(process.execPath, [path.join(__dirname, 'top-frames.js'), profileFile, '--top', values.top], { encoding: 'utf8' }));
    return;
  }
  // taskset and Debian's `valgrind` wrapper both exec: the spawned pid is the tool's.
  const toolPid = String(child.pid);
  callgrindControl(['-i', 'on', toolPid]);
  const run = await load(port, pinning, Number(values.duration) * slow);
  callgrindControl(['-i', 'off', toolPid]);
  callgrindControl(['-d', toolPid]);
  child.kill('SIGTERM');
  await exited;
  const dumps = fs.readdirSync(outDir).filter((f) => f.startsWith(path.basename(profileFile)));
  let instructions = 0;
  for (const dump of dumps) {
    const text = fs.readFileSync(path.join(outDir, dump), 'utf8');
    // `totals:` (the `summary:` line of a dump made with -d reads 0 in this valgrind).
    const totals = /^totals:\s+(\d+)/m.exec(text);
    if (totals) instructions += Number(totals[1]);
  }
  console.log(`${stamp}: ${run.requests} responses, ${(instructions / 1e6).toFixed(1)} M instructions, ${(instructions / run.requests).toFixed(0)} instructions/response`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => killAll());
