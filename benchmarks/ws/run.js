#!/usr/bin/env node
'use strict';
// WebSocket benchmark: N concurrent connections held by one server process (its RSS with them),
// and the time to broadcast one message to all of them, for Armature's gateways (uWS and node
// adapters) beside raw uWS pub/sub, the `ws` package on node:http and socket.io, in one run.
//
//   node benchmarks/ws/run.js                       # 10,000 connections, 30 broadcasts each
//   node benchmarks/ws/run.js --connections 2000 --rounds 10 --servers armature-uws,ws-node-http
//
// The server runs on core 0, the load processes on core 1 (taskset), as the HTTP harness does.
// Armature servers load the built packages: run `npm run build` at the root first.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort } = require('../lib/free-port');
const { planPinning } = require('../lib/cpu-pinning');
const { machineInfo } = require('../lib/machine-info');
const { rssBytes } = require('../lib/proc-stats');

const SERVERS = {
  'armature-uws': { file: 'armature-uws.js', client: 'ws', label: 'Armature gateway, uWS adapter' },
  'uws-raw': { file: 'uws-raw.js', client: 'ws', label: 'raw uWebSockets.js pub/sub' },
  'armature-node': { file: 'armature-node.js', client: 'ws', label: 'Armature gateway, node adapter (ws)' },
  'ws-node-http': { file: 'ws-node-http.js', client: 'ws', label: '`ws` on node:http, send loop' },
  socketio: { file: 'socketio.js', client: 'socketio', label: 'socket.io 4, websocket transport' },
};

function parseArgs(argv) {
  const options = { connections: 10_000, rounds: 30, warmup: 5, clients: 2, servers: Object.keys(SERVERS), out: path.join(__dirname, 'RESULTS.md') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--connections') options.connections = Number(value);
    else if (flag === '--rounds') options.rounds = Number(value);
    else if (flag === '--clients') options.clients = Number(value);
    else if (flag === '--servers') options.servers = value.split(',');
    else if (flag === '--out') options.out = value;
    else if (flag === '--profile') options.profileDir = path.resolve(value);
    else if (flag === '--no-report') options.out = null;
    else if (flag === '--help') {
      console.log('options: --connections N --rounds N --clients PROCESSES --servers a,b --out FILE --no-report --profile DIR (server CPU profiles)');
      process.exit(0);
    } else continue;
    if (flag !== '--no-report') i++;
  }
  for (const name of options.servers) if (!SERVERS[name]) throw new Error(`unknown server ${name}; known: ${Object.keys(SERVERS).join(', ')}`);
  return options;
}

/** Runs node under `ulimit -n` (10k sockets need more descriptors than the usual 1024) and taskset. */
function spawnNode(script, args, { cpu, pinning, env = {}, fds }) {
  const node = [process.execPath, ...args.node, script, ...args.script].map(quote).join(' ');
  const pin = pinning.pinned ? `taskset -c ${cpu} ` : '';
  const command = `ulimit -n ${fds} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${pin}${node}`;
  return spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...env } });
}

function quote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}

/** Resolves with the next IPC message of `type` from `child` (rejects on exit or timeout). */
function nextMessage(child, type, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.type === 'error') return done(() => reject(new Error(message.message)));
      if (message.type === type) done(() => resolve(message));
    };
    const onExit = (code, signal) => done(() => reject(new Error(`process exited (${code ?? signal}) while waiting for ${type}: ${child.tail || ''}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${type}: ${child.tail || ''}`))), timeoutMs);
    const done = (settle) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function keepTail(child) {
  child.tail = '';
  const add = (chunk) => (child.tail = (child.tail + chunk).slice(-4000));
  child.stdout.on('data', add);
  child.stderr.on('data', add);
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function measure(name, options, pinning) {
  const spec = SERVERS[name];
  const port = await freePort();
  const fds = options.connections + 4096;
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const server = spawnNode(path.join(__dirname, 'servers', spec.file), { node: ['--expose-gc', ...profile, '-r', path.join(__dirname, '..', 'lib', 'exit-with-parent.js')], script: [] }, {
    cpu: 0,
    pinning,
    fds,
    env: { PORT: String(port), NODE_ENV: 'production' },
  });
  keepTail(server);
  const clients = [];
  try {
    await nextMessage(server, 'ready', 30_000);
    server.send({ type: 'mem' });
    const idle = await nextMessage(server, 'mem');

    const url = `ws://127.0.0.1:${port}/ws`;
    const perClient = Math.ceil(options.connections / options.clients);
    for (let i = 0; i < options.clients; i++) {
      const count = Math.min(perClient, options.connections - i * perClient);
      const client = spawnNode(path.join(__dirname, 'lib', 'client-process.js'), { node: [], script: [url, count, spec.client, 100] }, { cpu: 1, pinning, fds: count + 1024 });
      keepTail(client);
      clients.push(client);
    }
    const connected = await Promise.all(clients.map((client) => nextMessage(client, 'connected', 300_000)));
    const connectMs = Math.max(...connected.map((c) => c.connectMs));
    await sleep(1000);
    server.send({ type: 'count' });
    const { connections } = await nextMessage(server, 'count');
    if (connections !== options.connections) throw new Error(`${name}: server holds ${connections} connections, expected ${options.connections}`);
    server.send({ type: 'mem' });
    const loaded = await nextMessage(server, 'mem');
    const rssLoaded = rssBytes(server.pid);

    const emitMs = [];
    const lastMs = [];
    const firstMs = [];
    for (let seq = 1; seq <= options.warmup + options.rounds; seq++) {
      const rounds = clients.map((client) => nextMessage(client, 'round', 60_000));
      server.send({ type: 'broadcast', seq });
      const sent = await nextMessage(server, 'broadcasted', 60_000);
      const received = await Promise.all(rounds);
      if (seq <= options.warmup) continue;
      const t0 = BigInt(sent.t0);
      emitMs.push(Number(BigInt(sent.t1) - t0) / 1e6);
      lastMs.push(Math.max(...received.map((r) => Number(BigInt(r.last) - t0))) / 1e6);
      firstMs.push(Math.min(...received.map((r) => Number(BigInt(r.first) - t0))) / 1e6);
      await sleep(100);
    }
    return {
      name,
      label: spec.label,
      connections,
      connectMs,
      rssIdle: idle.rss,
      rssLoaded,
      heapLoaded: loaded.heapUsed,
      perConnection: (rssLoaded - idle.rss) / connections,
      emit: { median: quantile(emitMs, 0.5), p90: quantile(emitMs, 0.9) },
      first: { median: quantile(firstMs, 0.5) },
      last: { median: quantile(lastMs, 0.5), p90: quantile(lastMs, 0.9), min: Math.min(...lastMs) },
    };
  } finally {
    for (const client of clients) if (client.connected) client.send({ type: 'close' });
    await Promise.all(clients.map(stop));
    await stop(server);
  }
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
const ms = (value) => value.toFixed(2);

function report(results, options, pinning, started) {
  const machine = machineInfo();
  const lines = [
    '# WebSocket benchmark results',
    '',
    `${options.connections.toLocaleString('en')} concurrent connections held by one server process; then ${options.rounds} broadcasts`,
    `of one ~40-byte message to all of them (after ${options.warmup} warm-up broadcasts), one at a time.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.kernel};`,
    `load average at start ${machine.loadAverage.join(' / ')}. ${pinning.pinned ? 'Server pinned to core 0, the load processes to core 1 (taskset).' : `Not pinned: ${pinning.reason}.`}`,
    `${options.clients} load processes. Run on ${started.toISOString().slice(0, 10)} with \`node benchmarks/ws/run.js${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\`.`,
    '',
    '| server | RSS idle | RSS with connections | per connection | heap with connections | connect all | broadcast call (median / p90) | all received (median / p90 / best) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.label} | failed: ${r.error.split('\n')[0]} | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${r.label} | ${mib(r.rssIdle)} MiB | ${mib(r.rssLoaded)} MiB | ${(r.perConnection / 1024).toFixed(1)} KiB | ${mib(r.heapLoaded)} MiB | ${(r.connectMs / 1000).toFixed(1)} s | ${ms(r.emit.median)} / ${ms(r.emit.p90)} ms | ${ms(r.last.median)} / ${ms(r.last.p90)} / ${ms(r.last.min)} ms |`,
    );
  }
  lines.push(
    '',
    '- **broadcast call**: time the server spends inside its broadcast call (`server.emit()`, `app.publish()`, the `ws` send loop, `io.emit()`), measured in the server: this is the time its event loop is blocked.',
    '- **all received**: from just before that call to the moment the last of the connections got the message, on the load processes (monotonic clock shared by processes on one Linux machine). It includes the load processes reading 10k frames on their single core, the same for every server.',
    '- **RSS**: the server process, after a forced gc; per connection = (with − idle) / connections.',
    '- A load average above the number of cores means other work shared the machine during the run: differences of a few tens of percent in the millisecond columns are within its noise; the broadcast-call column of the uWS servers (one native call) is the steadiest.',
  );
  return lines.join('\n') + '\n';
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const pinning = planPinning();
  const started = new Date();
  const results = [];
  for (const name of options.servers) {
    process.stdout.write(`${name}: `);
    try {
      const result = await measure(name, options, pinning);
      results.push(result);
      console.log(
        `${result.connections} connections in ${(result.connectMs / 1000).toFixed(1)} s, RSS ${mib(result.rssLoaded)} MiB (${(result.perConnection / 1024).toFixed(1)} KiB/conn), ` +
          `broadcast call ${ms(result.emit.median)} ms, first received ${ms(result.first.median)} ms, all received ${ms(result.last.median)} ms (median)`,
      );
    } catch (error) {
      console.log(`failed: ${error.message}`);
      results.push({ name, label: SERVERS[name].label, error: error.message });
    }
  }
  const text = report(results, options, pinning, started);
  if (options.out) fs.writeFileSync(options.out, text);
  console.log(`\n${text}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
