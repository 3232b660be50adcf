'use strict';
// Fallback load generator, used only when wrk is not installed. autocannon
// runs on Node and needs several times more CPU per request than wrk, so on a
// 2-core box it saturates far below the fast servers: the report says so.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { track } = require('./child-registry');
const { pinnedCommand } = require('./cpu-pinning');

function autocannonCli() {
  try {
    return require.resolve('autocannon/autocannon.js', { paths: [path.join(__dirname, '..')] });
  } catch {
    return null;
  }
}

function autocannonVersion() {
  const cli = autocannonCli();
  return cli ? require(path.join(path.dirname(cli), 'package.json')).version : null;
}

/** Same contract as runWrk() in lib/wrk.js. */
function runAutocannon({ port, endpoint, pipeline, connections, durationSec, pinning }) {
  const url = `http://127.0.0.1:${port}${endpoint.path}`;
  const acArgs = [autocannonCli(), '-j', '-c', String(connections), '-d', String(durationSec), '-p', String(pipeline), '-m', endpoint.method];
  if (endpoint.body) acArgs.push('-H', 'Content-Type=application/json', '-b', endpoint.body);
  for (const [name, value] of Object.entries(endpoint.headers || {})) acArgs.push('-H', `${name}=${value}`);
  acArgs.push(url);
  const [command, args] = pinnedCommand(pinning, pinning.loadCpu, process.execPath, acArgs);
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      let r;
      try {
        r = JSON.parse(out);
      } catch {
        reject(new Error(`autocannon failed (exit ${code}) on ${url}:\n${out}\n${err}`));
        return;
      }
      const ms = (v) => Math.round(v * 1000); // autocannon reports latency in ms
      resolve({
        requests: r.requests.total,
        durationSec: r.duration,
        bytes: r.throughput.total,
        // Map onto wrk's error classes so the caller checks one shape.
        errors: { connect: 0, read: r.errors + r.resets, write: 0, status: r.non2xx, timeout: r.timeouts },
        latencyUs: { p50: ms(r.latency.p50), p90: ms(r.latency.p90), p99: ms(r.latency.p99), max: ms(r.latency.max), mean: ms(r.latency.mean) },
        raw: out,
      });
    });
  });
}

module.exports = { runAutocannon, autocannonVersion, autocannonCli };
