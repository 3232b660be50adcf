'use strict';
// Same-process A/B: server CPU per request of decorator routes vs micro routes, measured on one
// server (ab-server.js) with wrk, in alternating short runs so that load from other processes
// and slow drift hit every variant alike; each round's micro/decorator ratio is paired.
//   node packages/core/test/micro/ab/ab-run.js [--rounds 9] [--duration 2] [--pipeline 16]
const path = require('node:path');
const { fork } = require('node:child_process');
const { parseArgs } = require('node:util');
const benchLib = path.join(__dirname, '../../../../../benchmarks/lib');
const { runWrk } = require(path.join(benchLib, 'wrk.js'));
const { cpuSeconds } = require(path.join(benchLib, 'proc-stats.js'));
const { planPinning, pinSelf } = require(path.join(benchLib, 'cpu-pinning.js'));
const { ECHO_JSON } = require(path.join(benchLib, 'endpoints.js'));

const { values } = parseArgs({ options: { rounds: { type: 'string' }, duration: { type: 'string' }, pipeline: { type: 'string' }, endpoints: { type: 'string' } } });
const rounds = Number(values.rounds ?? 9);
const durationSec = Number(values.duration ?? 2);
const pipeline = Number(values.pipeline ?? 16);
const ENDPOINTS = {
  plaintext: { method: 'GET', path: '/plaintext' },
  json: { method: 'GET', path: '/json' },
  users: { method: 'GET', path: '/users/42' },
  echo: { method: 'POST', path: '/echo', body: ECHO_JSON },
};
const endpoints = (values.endpoints ?? 'plaintext,json,users,echo').split(',');
const VARIANTS = { decorators: '/d', micro: '/m', 'micro, all headers': '/a' };
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function main() {
  const pinning = planPinning();
  pinSelf(pinning);
  const port = 40000 + Math.floor(Math.random() * 20000);
  const server = fork(path.join(__dirname, 'ab-server.js'), [], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    execArgv: [],
    stdio: 'inherit',
  });
  const { execFileSync } = require('node:child_process');
  await new Promise((resolve, reject) => {
    server.once('message', resolve);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  if (pinning.pinned) execFileSync('taskset', ['-pc', String(pinning.serverCpu), String(server.pid)], { stdio: 'ignore' });
  const measure = async (endpoint, prefix, seconds) => {
    const before = cpuSeconds(server.pid);
    const result = await runWrk({ port, endpoint: { ...endpoint, path: prefix + endpoint.path }, pipeline, connections: 50, durationSec: seconds, pinning });
    const cpu = cpuSeconds(server.pid) - before;
    const bad = Object.values(result.errors).reduce((a, b) => a + b, 0);
    if (bad > 0) throw new Error(`errors on ${prefix}${endpoint.path}: ${JSON.stringify(result.errors)}`);
    return (cpu * 1e6) / result.requests;
  };
  try {
    const names = Object.keys(VARIANTS);
    const samples = {};
    for (const name of endpoints) {
      for (const prefix of Object.values(VARIANTS)) await measure(ENDPOINTS[name], prefix, 2); // warm-up
      samples[name] = Object.fromEntries(names.map((variant) => [variant, []]));
    }
    for (let round = 0; round < rounds; round++) {
      for (const name of endpoints) {
        const order = names.map((_, i) => names[(i + round) % names.length]);
        for (const variant of order) samples[name][variant].push(await measure(ENDPOINTS[name], VARIANTS[variant], durationSec));
      }
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }
    console.log(`# same-process A/B, server CPU µs per request (median of ${rounds} rounds, ${durationSec} s each, ${pipeline} requests per write), node ${process.version}`);
    console.log(`| endpoint | ${names.join(' | ')} | micro / decorators (median of paired rounds) | micro, all headers / decorators |`);
    console.log(`| --- | ${names.map(() => '---:').join(' | ')} | ---: | ---: |`);
    for (const name of endpoints) {
      const s = samples[name];
      const ratio = (variant) => median(s[variant].map((value, i) => value / s.decorators[i]));
      const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;
      console.log(`| ${name} | ${names.map((v) => median(s[v]).toFixed(3)).join(' | ')} | ${pct(ratio('micro'))} | ${pct(ratio('micro, all headers'))} |`);
    }
  } finally {
    server.kill('SIGKILL');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
