#!/usr/bin/env node
'use strict';
// Does pinning worker threads to CPUs help? Starts the same Armature server twice (workers: 2,
// pinned and unpinned), then loads them in turn with wrk, several interleaved rounds, and prints
// medians of req/s and of the server's CPU time per request (utime + stime of the whole process,
// from /proc, over the run). Needs `npm run build` (it runs the built packages) and wrk.
//   node packages/cpu-affinity/bench/pinning.js [rounds=5] [seconds=5]
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const rounds = Number(process.argv[2] ?? 5);
const seconds = Number(process.argv[3] ?? 5);
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

function start(pin) {
  const child = spawn(process.execPath, [path.join(__dirname, 'server.js'), '2', pin], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /port:(\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), pin });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14, 15)
}

function load(server, pipelined, duration) {
  const before = cpuSeconds(server.child.pid);
  const args = ['-t1', '-c100', `-d${duration}s`, ...(pipelined ? ['-s', path.join(__dirname, 'pipeline.lua')] : []), `http://127.0.0.1:${server.port}/plaintext`];
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const cpu = cpuSeconds(server.child.pid) - before;
  const requests = Number(/(\d+) requests in/.exec(out)[1]);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (errors) throw new Error(`${errors[1]} failed responses:\n${out}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]), usPerRequest: (cpu * 1e6) / requests };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

(async () => {
  const servers = [await start('nopin'), await start('pin')];
  try {
    const results = { nopin: { plain: [], pipelined: [] }, pin: { plain: [], pipelined: [] } };
    for (const server of servers) {
      load(server, false, 2); // warm-up
      load(server, true, 2);
    }
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so that drift in the machine's load does not favour one.
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const pipelined of [false, true]) {
        for (const server of order) {
          const result = load(server, pipelined, seconds);
          results[server.pin][pipelined ? 'pipelined' : 'plain'].push(result);
          process.stderr.write(`round ${round + 1} ${server.pin.padEnd(5)} ${pipelined ? 'pipelined' : 'plain    '} ${result.rps.toFixed(0)} req/s ${result.usPerRequest.toFixed(2)} µs/req\n`);
        }
      }
    }
    console.log(`| load | workers: 2 | req/s (median of ${rounds}) | CPU µs/request (median) |`);
    console.log('| --- | --- | ---: | ---: |');
    for (const kind of ['plain', 'pipelined']) {
      for (const pin of ['nopin', 'pin']) {
        const runs = results[pin][kind];
        console.log(`| ${kind === 'plain' ? 'wrk -t1 -c100' : 'wrk -t1 -c100, 16 pipelined'} | ${pin === 'pin' ? 'pinned' : 'unpinned'} | ${median(runs.map((r) => r.rps)).toFixed(0)} | ${median(runs.map((r) => r.usPerRequest)).toFixed(2)} |`);
      }
    }
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
  }
})();
