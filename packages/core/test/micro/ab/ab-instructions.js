'use strict';
// Instructions per request instead of time: ab-server.js runs under valgrind's callgrind, which
// counts every instruction the server process executes (JIT code, uWS, GC, all threads); load
// from other processes cannot change that count, so the comparison holds on a busy machine.
// Each variant gets the same number of requests (autocannon, pipelined), counters zeroed before
// and dumped after with callgrind_control. Slow (valgrind runs the server ~50x slower).
//   node packages/core/test/micro/ab/ab-instructions.js [--requests 20000] [--rounds 3]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { parseArgs } = require('node:util');
const autocannon = require(path.join(__dirname, '../../../../../benchmarks/node_modules/autocannon'));
const { ECHO_JSON } = require(path.join(__dirname, '../../../../../benchmarks/lib/endpoints.js'));

const { values } = parseArgs({ options: { requests: { type: 'string' }, rounds: { type: 'string' }, endpoints: { type: 'string' } } });
const requests = Number(values.requests ?? 20000);
const rounds = Number(values.rounds ?? 3);
const ENDPOINTS = {
  plaintext: { method: 'GET', path: '/plaintext' },
  json: { method: 'GET', path: '/json' },
  users: { method: 'GET', path: '/users/42' },
  echo: { method: 'POST', path: '/echo', body: ECHO_JSON, headers: { 'content-type': 'application/json' } },
};
const endpoints = (values.endpoints ?? 'plaintext,json,users,echo').split(',');
const VARIANTS = { decorators: '/d', micro: '/m', 'micro, all headers': '/a' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armature-ab-'));

function load(port, endpoint, prefix, amount) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${port}${prefix}${endpoint.path}`, method: endpoint.method, body: endpoint.body, headers: endpoint.headers, connections: 10, pipelining: 16, amount, timeout: 60 },
      (error, result) => {
        if (error) return reject(error);
        if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${prefix}${endpoint.path}: ${result.non2xx} non-2xx, ${result.errors} errors`));
        resolve(result.requests.total);
      },
    );
  });
}

/** Total instructions (Ir) in the latest dump. */
function dumpTotal(pid) {
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
  const files = fs.readdirSync(dir).filter((f) => f.startsWith(`cg.${pid}`)).map((f) => path.join(dir, f));
  const latest = files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const text = fs.readFileSync(latest, 'utf8');
  const match = /^(?:summary|totals):\s+(\d+)/m.exec(text);
  for (const file of files) fs.unlinkSync(file);
  return Number(match[1]);
}

async function main() {
  const port = 40000 + Math.floor(Math.random() * 20000);
  const server = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${dir}/cg.%p`, process.execPath, '--predictable', path.join(__dirname, 'ab-server.js')], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let pid;
  server.stderr.on('data', (chunk) => {
    pid ??= Number(/==(\d+)==/.exec(String(chunk))?.[1]) || undefined;
  });
  try {
    // Wait for the server to answer (valgrind startup takes a while).
    for (let i = 0; ; i++) {
      try {
        await fetch(`http://127.0.0.1:${port}/d/json`);
        break;
      } catch {
        if (i > 600) throw new Error('server did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    for (const name of endpoints) for (const prefix of Object.values(VARIANTS)) await load(port, ENDPOINTS[name], prefix, requests); // JIT warm-up
    const names = Object.keys(VARIANTS);
    const samples = Object.fromEntries(endpoints.map((name) => [name, Object.fromEntries(names.map((v) => [v, []]))]));
    for (let round = 0; round < rounds; round++) {
      for (const name of endpoints) {
        for (const variant of names.map((_, i) => names[(i + round) % names.length])) {
          execFileSync('callgrind_control', ['-z', String(pid)], { stdio: 'ignore' });
          const served = await load(port, ENDPOINTS[name], VARIANTS[variant], requests);
          samples[name][variant].push(dumpTotal(pid) / served);
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds} done\n`);
    }
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(`# server instructions per request (callgrind, median of ${rounds} rounds of ${requests} requests, 16 per write), node ${process.version}`);
    const others = names.slice(1);
    console.log(`| endpoint | ${names.join(' | ')} | ${others.map((v) => `${v} vs decorators`).join(' | ')} |`);
    console.log(`| --- | ${names.map(() => '---:').join(' | ')} | ${others.map(() => '---:').join(' | ')} |`);
    for (const name of endpoints) {
      const m = Object.fromEntries(names.map((v) => [v, median(samples[name][v])]));
      const pct = (v) => `${m[v] >= m.decorators ? '+' : ''}${(((m[v] - m.decorators) / m.decorators) * 100).toFixed(1)}%`;
      console.log(`| ${name} | ${names.map((v) => Math.round(m[v]).toLocaleString('en')).join(' | ')} | ${others.map(pct).join(' | ')} |`);
    }
  } finally {
    server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
