'use strict';
// Runs one wrk load (one thread, pinned to the load core) and returns what
// lib/wrk-report.lua's done() printed. Errors are returned, not hidden: the
// caller refuses results with socket errors or non-2xx responses.
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const { track } = require('./child-registry');
const { pinnedCommand } = require('./cpu-pinning');

const SCRIPT = path.join(__dirname, 'wrk-report.lua');
// Generous: a pipelined batch to a slow server (Express, 1,600 requests in
// flight at ~8k req/s) takes ~200 ms; 5 s only catches real stalls.
const TIMEOUT_LABEL = '5s';

function wrkVersion() {
  try {
    // wrk -v prints its banner and exits 1.
    execFileSync('wrk', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const banner = String(err.stdout || '') + String(err.stderr || '');
    const match = /^wrk (\S+)/m.exec(banner);
    if (match) return match[1];
    return null;
  }
  return null;
}

/**
 * @param {object} o
 * @param {number} o.port
 * @param {{method: string, path: string, body?: string, headers?: Record<string, string>}} o.endpoint
 * @param {number} o.pipeline   requests per write
 * @param {number} o.connections
 * @param {number} o.durationSec
 * @param {object} o.pinning
 * @returns {Promise<{requests, durationSec, bytes, errors, latencyUs, raw}>}
 */
function runWrk({ port, endpoint, pipeline, connections, durationSec, pinning }) {
  const url = `http://127.0.0.1:${port}${endpoint.path}`;
  const wrkArgs = ['-t1', `-c${connections}`, `-d${durationSec}s`, '--timeout', TIMEOUT_LABEL, '-s', SCRIPT, url];
  const [command, args] = pinnedCommand(pinning, pinning.loadCpu, 'wrk', wrkArgs);
  const env = {
    ...process.env,
    BENCH_METHOD: endpoint.method,
    BENCH_BODY: endpoint.body || '',
    BENCH_HEADERS: Object.entries(endpoint.headers || {}).map(([name, value]) => `${name}: ${value}`).join('\n'),
    BENCH_PIPELINE: String(pipeline),
  };
  return new Promise((resolve, reject) => {
    const child = track(spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
      if (code !== 0 || !line) {
        reject(new Error(`wrk failed (exit ${code}) on ${url}:\n${out}`));
        return;
      }
      const r = JSON.parse(line.slice('BENCH_JSON '.length));
      resolve({
        requests: r.requests,
        durationSec: r.durationUs / 1e6,
        bytes: r.bytes,
        errors: r.errors,
        latencyUs: r.latencyUs,
        raw: out,
      });
    });
  });
}

module.exports = { runWrk, wrkVersion, TIMEOUT_LABEL };
