#!/usr/bin/env node
'use strict';
// Benchmark orchestrator: every server in servers/ against the same endpoints,
// in interleaved rounds (each round starts every server once, in rotating
// order, so slow drift on the box spreads evenly), then medians to RESULTS.md
// and raw samples to results/. Run `node benchmarks/run.js --help`.
const fs = require('node:fs');
const path = require('node:path');
const { ensureDependencies, BENCH_DIR } = require('./lib/ensure-deps');
const { parseOptions } = require('./lib/cli-options');
const { ENDPOINTS } = require('./lib/endpoints');
const { discoverServers } = require('./lib/discover-servers');
const { chooseLoadGenerator } = require('./lib/load-generator');
const { planPinning, pinSelf } = require('./lib/cpu-pinning');
const { machineInfo } = require('./lib/machine-info');
const { measureServer, FOREIGN_CPU_LIMIT_CORES, MAX_ATTEMPTS } = require('./lib/measure-server');
const { summarize } = require('./lib/summarize');
const { renderReport } = require('./lib/report');
const { killAll } = require('./lib/child-registry');

const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const log = (msg) => console.log(msg);

function estimateMinutes(options, serverCount) {
  const perEndpoint = options.warmupSec + options.modes.length * (options.durationSec + 0.2);
  const perServer = options.endpoints.length * perEndpoint + 1.5; // + start, verify, stop
  return (options.rounds * serverCount * perServer) / 60;
}

/** Round r starts at a different server, so no server always runs first. */
function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

async function main() {
  const allServers = discoverServers();
  let options;
  try {
    options = parseOptions(process.argv.slice(2), {
      serverNames: allServers.map((s) => s.name),
      endpointNames: ENDPOINTS.map((e) => e.name),
    });
  } catch (err) {
    console.error(`bench: ${err.message}\nbench: see --help`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(options.help);
    return 0;
  }

  ensureDependencies();
  const loadGenerator = chooseLoadGenerator();
  const pinning = planPinning();
  if (!pinning.pinned) console.warn(`bench: WARNING: ${pinning.reason}; server and load generator share cores`);
  pinSelf(pinning);

  const servers = allServers.filter((s) => options.servers.includes(s.name));
  const endpoints = ENDPOINTS.filter((e) => options.endpoints.includes(e.name));
  const machine = machineInfo();
  const startedAt = new Date();
  log(
    `bench: ${servers.length} servers × ${endpoints.length} endpoints × ${options.modes.join('+')}, ` +
      `${options.rounds} rounds × ${options.durationSec} s (+${options.warmupSec} s warm-up), ` +
      `${loadGenerator.name} ${loadGenerator.version}; about ${estimateMinutes(options, servers.length).toFixed(0)} min`,
  );
  if (machine.loadAverage[0] > 0.5) {
    console.warn(`bench: WARNING: load average ${machine.loadAverage[0]}: other work on this box will disturb the figures`);
  }

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const rawFile = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const samples = [];
  const startups = [];
  const failures = {};
  const saveRaw = (extra = {}) =>
    fs.writeFileSync(rawFile, JSON.stringify({ startedAt, machine, options, loadGenerator: { name: loadGenerator.name, version: loadGenerator.version }, pinning, failures, startups, samples, ...extra }, null, 2));

  for (let round = 1; round <= options.rounds; round++) {
    log(`\nround ${round}/${options.rounds}`);
    for (const server of rotate(servers, round - 1)) {
      if (failures[server.name]) continue; // a failed server is not retried
      try {
        const served = endpoints.filter((e) => e.servers === undefined || e.servers.includes(server.name));
        const { startupMs, samples: got } = await measureServer({ server, round, endpoints: served, options, pinning, loadGenerator, log });
        startups.push({ round, server: server.name, startupMs });
        samples.push(...got);
        log(`  ${server.name} started in ${startupMs.toFixed(0)} ms`);
      } catch (err) {
        failures[server.name] = err.message;
        console.error(`bench: FAILED ${server.name} (round ${round}): ${err.message}`);
      }
      saveRaw(); // keep what we have if the run dies later
    }
  }

  const finishedAt = new Date();
  const summary = summarize({ samples, startups });
  saveRaw({ finishedAt, summary });
  const markdown = renderReport({
    summary,
    servers: servers.map((s) => s.name),
    endpoints,
    options,
    failures,
    machine,
    loadGenerator,
    pinning,
    startedAt,
    finishedAt,
    command: ['node benchmarks/run.js', ...process.argv.slice(2)].join(' '),
    foreignLimit: FOREIGN_CPU_LIMIT_CORES,
    maxAttempts: MAX_ATTEMPTS,
  });
  log(`\n${markdown}`);
  if (options.writeReport) {
    const out = options.out ? path.resolve(options.out) : path.join(BENCH_DIR, 'RESULTS.md');
    fs.writeFileSync(out, `${markdown}\n`);
    log(`bench: report written to ${path.relative(process.cwd(), out)}`);
  }
  log(`bench: raw samples in ${path.relative(process.cwd(), rawFile)}`);
  const failedCount = Object.keys(failures).length;
  if (failedCount) console.error(`bench: ${failedCount} server(s) FAILED: ${Object.keys(failures).join(', ')}`);
  return failedCount ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error(`bench: ${err.stack || err.message}`);
    process.exitCode = 1;
  })
  .finally(() => killAll('SIGKILL'));
